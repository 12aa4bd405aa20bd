package testkit

import (
	"errors"
	"strings"
	"testing"
)

func TestErrOperand(t *testing.T) {
	if got := ErrOperand(errors.New("boom")); got != (Operand{Label: "error", Value: `"boom"`}) {
		t.Fatalf("ErrOperand = %#v", got)
	}
	if got := ErrOperand(nil); got.Value != "nil" {
		t.Fatalf("ErrOperand(nil) = %#v", got)
	}
}

func TestFailureMessage(t *testing.T) {
	got := failureMessage(2, 10, 20, "relation", "expected ==", []Operand{{Label: "left", Value: "4"}, {Value: "5"}})
	want := "expected == [relation] (file 2, bytes 10-20)\n  left: 4\n  value: 5"
	if got != want {
		t.Fatalf("failureMessage = %q, want %q", got, want)
	}
}

func TestContextPassingPaths(t *testing.T) {
	ctx := New(t)
	if ctx.T() != t {
		t.Fatal("T() does not return the wrapped *testing.T")
	}
	ctx.Log(1, 0, 1, `"hello"`)
	ran := false
	passed := ctx.Run("sub", func(sub TestContext) struct{} {
		defer sub.Recover(1, 0, 1)
		sub.Parallel()
		ran = true
		return struct{}{}
	})
	if !passed {
		t.Fatal("Run reported failure for a passing subtest")
	}
	ctx.Run("skipped", func(sub TestContext) struct{} {
		sub.Skip("not today")
		t.Error("Skip did not stop the subtest")
		return struct{}{}
	})
	t.Cleanup(func() {
		if !ran {
			t.Error("subtest body did not run")
		}
	})
}

// The failing paths (Fail, FailAssert, Recover after a panic) mark a test as
// failed, so they run in a child process: `go test -run` of this same test
// binary with LIS_TESTKIT_CHILD set, and the parent checks its output.
func TestFailingPaths(t *testing.T) {
	if mode := childMode(); mode != "" {
		runChild(t, mode)
		return
	}
	for _, c := range []struct{ mode, want string }{
		{"fail", "test returned Err [result_err] (file 1, bytes 2-3)"},
		{"fail", `error: "boom"`},
		{"fail-assert", "expected == [relation] (file 1, bytes 2-3)"},
		{"ctx-fail", "custom [code] (file 1, bytes 2-3)"},
		{"recover", "test panicked (file 1, bytes 2-3): kaboom"},
		{"ctx-recover", "test panicked (file 1, bytes 2-3): sub-kaboom"},
	} {
		out, failed := runSelf(t, c.mode)
		if !failed {
			t.Errorf("%s: child test did not fail\n%s", c.mode, out)
		}
		if !strings.Contains(out, c.want) {
			t.Errorf("%s: output lacks %q:\n%s", c.mode, c.want, out)
		}
		if strings.Contains(out, "after failure") {
			t.Errorf("%s: the test kept running after the failure:\n%s", c.mode, out)
		}
	}
}

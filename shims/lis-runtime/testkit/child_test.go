package testkit

import (
	"errors"
	"os"
	"os/exec"
	"testing"
)

const childEnv = "LIS_TESTKIT_CHILD"

func childMode() string { return os.Getenv(childEnv) }

func runSelf(t *testing.T, mode string) (string, bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestFailingPaths$", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"="+mode)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running child: %v", err)
	}
	return string(out), err != nil
}

func runChild(t *testing.T, mode string) {
	switch mode {
	case "fail":
		Fail(t, 1, 2, 3, "result_err", "test returned Err", ErrOperand(errors.New("boom")))
	case "fail-assert":
		New(t).FailAssert(1, 2, 3, "relation", "expected ==", Operand{Label: "left", Value: "4"})
	case "ctx-fail":
		New(t).Fail(1, 2, 3, "code", "custom")
	case "recover":
		defer Recover(t, 1, 2, 3)
		panic("kaboom")
	case "ctx-recover":
		New(t).Run("sub", func(sub TestContext) struct{} {
			defer sub.Recover(1, 2, 3)
			panic("sub-kaboom")
		})
		return
	}
	t.Log("after failure")
}

// Package testkit is the test-side half of lisbind's compatibility runtime
// for lis: the Go code `lis test` emits for `#[test]` functions calls into it
// (imported as "github.com/ivov/lisette/prelude/testkit").
//
// Source locations arrive as (file id, start byte, end byte) triples that
// only lis can map back to a file; failures report them verbatim.
package testkit

import (
	"fmt"
	"runtime/debug"
	"strings"
	"testing"
)

// Operand is one rendered value shown with a failed assertion.
type Operand struct {
	// Label names the operand ("left", "right"), or is empty.
	Label string
	// Value is the operand rendered in Lisette's debug notation.
	Value string
}

// TestContext is the handle a Lisette test receives, backed by *testing.T.
type TestContext struct {
	t *testing.T
}

// New wraps t in a TestContext.
func New(t *testing.T) TestContext { return TestContext{t: t} }

// T returns the underlying *testing.T.
func (c TestContext) T() *testing.T { return c.t }

// ErrOperand renders the error a test returned as an Operand.
func ErrOperand(err error) Operand {
	if err == nil {
		return Operand{Label: "error", Value: "nil"}
	}
	return Operand{Label: "error", Value: fmt.Sprintf("%q", err.Error())}
}

func location(fileID, start, end int) string {
	return fmt.Sprintf("file %d, bytes %d-%d", fileID, start, end)
}

// failureMessage renders a failure: "<message> [<code>] (<location>)" and one
// line per operand.
func failureMessage(fileID, start, end int, code, message string, operands []Operand) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s [%s] (%s)", message, code, location(fileID, start, end))
	for _, op := range operands {
		if op.Label != "" {
			fmt.Fprintf(&b, "\n  %s: %s", op.Label, op.Value)
		} else {
			fmt.Fprintf(&b, "\n  value: %s", op.Value)
		}
	}
	return b.String()
}

// Fail marks the test failed with a message and stops it.
func Fail(t *testing.T, fileID, start, end int, code, message string, operands ...Operand) {
	t.Helper()
	t.Fatal(failureMessage(fileID, start, end, code, message, operands))
}

// Recover is deferred by each test function: it turns a panic escaping the
// test into a test failure that carries the panic value and stack.
func Recover(t *testing.T, fileID, start, end int) {
	if r := recover(); r != nil {
		t.Helper()
		t.Fatalf("test panicked (%s): %v\n%s", location(fileID, start, end), r, debug.Stack())
	}
}

// FailAssert reports a failed assert / let-assert and stops the test.
func (c TestContext) FailAssert(fileID, start, end int, code, message string, operands ...Operand) {
	c.t.Helper()
	c.t.Fatal(failureMessage(fileID, start, end, code, message, operands))
}

// Fail reports a failure and stops the test.
func (c TestContext) Fail(fileID, start, end int, code, message string, operands ...Operand) {
	c.t.Helper()
	c.t.Fatal(failureMessage(fileID, start, end, code, message, operands))
}

// Recover is deferred by subtest bodies; see the package-level Recover.
func (c TestContext) Recover(fileID, start, end int) {
	if r := recover(); r != nil {
		c.t.Helper()
		c.t.Fatalf("test panicked (%s): %v\n%s", location(fileID, start, end), r, debug.Stack())
	}
}

// Log logs an already rendered value.
func (c TestContext) Log(fileID, start, end int, value string) {
	c.t.Helper()
	c.t.Log(value)
}

// Run runs body as a named subtest and reports whether it passed.
func (c TestContext) Run(name string, body func(TestContext) struct{}) bool {
	return c.t.Run(name, func(t *testing.T) { body(New(t)) })
}

// Parallel signals that the test may run in parallel with other parallel tests.
func (c TestContext) Parallel() { c.t.Parallel() }

// Skip skips the test with a reason.
func (c TestContext) Skip(reason string) { c.t.Skip(reason) }

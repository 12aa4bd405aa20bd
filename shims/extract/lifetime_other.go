//go:build !linux

package main

// endWithParent is Linux-only (PR_SET_PDEATHSIG); elsewhere the helper ends with its work.
func endWithParent() {}

func hangForTest() {}

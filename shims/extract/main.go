// Command extract loads Go packages and writes a JSON model of their
// exported API and of every package their declarations reference, as
// described in docs/api-model.md. It states facts only; the C++ side of
// lisbind decides how they map to Lisette.
//
// Usage:
//
//	extract [-o FILE] [-tags t1,t2] [-facts] [-progress] PATTERN...
//
// It exits 0 when the document was written, even if some packages failed
// to load (they are listed in the document's errors), and 2 with one line
// on stderr for usage errors or when loading fails as a whole.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"
)

const usage = "usage: extract [-o FILE] [-tags t1,t2] [-facts] [-progress] PATTERN..."

func main() {
	// lisbind asks for it; a helper run by hand stays in the terminal's process group.
	if os.Getenv("LISBIND_EXTRACT_END_WITH_PARENT") != "" {
		endWithParent()
	}
	if os.Getenv("LISBIND_EXTRACT_TEST_HANG") != "" {
		hangForTest()
	}
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// tuneGC trades memory the helper does not need for time, unless the
// environment sets GOGC or GOMEMLIMIT. The helper is one short batch that
// has exited before the rest of lisbind reads its document, so its peak is
// the import's. At the default GOGC=100 the collector takes about a sixth
// of the CPU time; at 200 it runs half as often: for the client-go import
// set 3.9 s and 685 MiB instead of 5.0 s and 595 MiB. The soft limit keeps
// a much larger request from growing its heap to three times its live size.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(768 << 20)
	}
}

// run is main without the process: it parses args, extracts and writes the
// document, and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported on one line below
	outPath := fs.String("o", "", "write the document to `FILE` instead of stdout")
	tags := fs.String("tags", "", "comma-separated build tags")
	progress := fs.Bool("progress", false, "print progress lines to stderr")
	facts := fs.Bool("facts", false, "add evidence from the root packages' function bodies")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			err = errors.New("help requested")
		}
		fmt.Fprintf(stderr, "extract: %v (%s)\n", err, usage)
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(stderr, "extract: no package patterns given (%s)\n", usage)
		return 2
	}
	opts := options{patterns: fs.Args(), tags: splitTags(*tags), facts: *facts}
	if *progress {
		opts.progress = stderr
	}

	doc, err := extract(context.Background(), opts)
	if err != nil {
		fmt.Fprintf(stderr, "extract: %s\n", oneLine(err.Error()))
		return 2
	}
	start := time.Now()
	if err := writeDocument(*outPath, stdout, doc); err != nil {
		fmt.Fprintf(stderr, "extract: %s\n", oneLine(err.Error()))
		return 2
	}
	opts.logf(start, "wrote %d packages, %d errors", len(doc.Packages), len(doc.Errors))
	if opts.facts && opts.progress != nil {
		fmt.Fprintf(opts.progress, "extract: facts: %s\n", countFacts(doc))
	}
	return 0
}

func splitTags(s string) []string {
	var tags []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	return tags
}

// oneLine joins the lines of a multi-line message (go list's stderr) so
// that the caller can show it as one line: "; " between lines, or a space
// after a line that ends in a colon and introduces the next.
func oneLine(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		if b.Len() > 0 {
			if strings.HasSuffix(b.String(), ":") {
				b.WriteString(" ")
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

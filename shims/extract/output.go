package main

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
)

// encodeDocument writes doc as compact JSON. HTML escaping is off so that
// signatures and docs keep their <, > and & readable.
func encodeDocument(w io.Writer, doc *Document) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// writeDocument writes doc to path, or to stdout when path is "". A file is
// written under a temporary name and renamed into place, so a failed run
// never leaves a half-written document behind.
func writeDocument(path string, stdout io.Writer, doc *Document) error {
	if path == "" {
		bw := bufio.NewWriterSize(stdout, 1<<20)
		if err := encodeDocument(bw, doc); err != nil {
			return err
		}
		return bw.Flush()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(tmp, 1<<20)
	err = encodeDocument(bw, doc)
	if err == nil {
		// CreateTemp makes the file private; the document is not secret.
		err = tmp.Chmod(0o644)
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

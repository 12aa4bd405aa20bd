package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
)

// encodeDocument writes doc as compact JSON, byte for byte what
// json.Encoder writes with HTML escaping off (so that signatures and docs
// keep their <, > and & readable). The packages, nearly all of the bytes,
// are encoded in parallel and written in order; the rest of the document
// is encoded as usual around them.
func encodeDocument(w io.Writer, doc *Document) error {
	head := *doc
	head.Packages, head.Errors = nil, nil
	var buf bytes.Buffer
	if err := encodeJSON(&buf, &head); err != nil {
		return err
	}
	// The packages and the errors end the document; should a field come
	// after them, this gives way to the plain encoding.
	prefix, ok := bytes.CutSuffix(buf.Bytes(), []byte(`"packages":null}`+"\n"))
	if !ok || doc.Packages == nil {
		return encodeJSON(w, doc)
	}
	pkgs := make([][]byte, len(doc.Packages))
	errs := make([]error, len(doc.Packages))
	forEachParallel(len(doc.Packages), func(i int) {
		var b bytes.Buffer
		errs[i] = encodeJSON(&b, doc.Packages[i])
		pkgs[i] = bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	parts := [][]byte{prefix, []byte(`"packages":[`)}
	for i, p := range pkgs {
		if i > 0 {
			parts = append(parts, []byte(","))
		}
		parts = append(parts, p)
	}
	parts = append(parts, []byte("]"))
	if len(doc.Errors) > 0 {
		var b bytes.Buffer
		if err := encodeJSON(&b, doc.Errors); err != nil {
			return err
		}
		parts = append(parts, []byte(`,"errors":`), bytes.TrimSuffix(b.Bytes(), []byte("\n")))
	}
	parts = append(parts, []byte("}\n"))
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
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

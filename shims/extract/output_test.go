package main

import (
	"bytes"
	"testing"
)

// TestEncodeDocument checks that the parallel encoding writes what one
// json.Encoder would, with and without errors, for no packages and for
// packages whose text needs escaping.
func TestEncodeDocument(t *testing.T) {
	withErrors := *all(t)
	withErrors.Errors = []LoadErr{{Package: "p", Message: `a <b> & "c"`}, {Package: "q", Message: "d\ne"}}
	docs := map[string]*Document{
		"fixtures":    all(t),
		"errors":      &withErrors,
		"no packages": {Schema: 1, Packages: []*Package{}, Errors: withErrors.Errors},
		"nil":         {Schema: 1},
	}
	for name, doc := range docs {
		var got, want bytes.Buffer
		if err := encodeDocument(&got, doc); err != nil {
			t.Fatal(err)
		}
		if err := encodeJSON(&want, doc); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: the document differs from json.Encoder's:\n got %.300s\nwant %.300s", name, got.Bytes(), want.Bytes())
		}
	}
}

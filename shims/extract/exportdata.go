package main

import (
	"fmt"
	"go/token"
	"go/types"
	"os"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// exportTypes decodes packages from the compiler's export data into one
// shared set of types.Packages, as go/packages does with NeedTypes, but
// only for the packages asked for. A package's export data describes every
// object its API reaches in other packages too, so decoding a package
// before its dependencies creates those objects early, in their own
// (incomplete) packages; decoding such a dependency later completes it.
type exportTypes struct {
	fset *token.FileSet
	pkgs map[string]*types.Package // every package decoded or referenced so far, by path

	decoded int // packages decoded
}

func newExportTypes() *exportTypes {
	return &exportTypes{fset: token.NewFileSet(), pkgs: make(map[string]*types.Package)}
}

// decode reads the types of p, which must not have been decoded yet.
func (e *exportTypes) decode(p *packages.Package) (*types.Package, error) {
	if p.PkgPath == "unsafe" {
		return types.Unsafe, nil
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	tp, err := gcexportdata.Read(r, e.fset, e.pkgs, p.PkgPath)
	e.decoded++
	// go/packages gives each package's decoding a fresh map, so each gets
	// its own pseudo-package of generic shape types; so does this.
	delete(e.pkgs, "go.shape")
	if err != nil {
		return nil, fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	return tp, nil
}

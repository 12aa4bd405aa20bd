// Package lisette is lisbind's clean-room compatibility runtime for the Go
// code that the Lisette compiler (lis 0.12.5) emits. lis imports it as
//
//	lisette "github.com/ivov/lisette/prelude"
//
// It is written from scratch against the published Lisette-side API
// (prelude.d.lis and its doc comments) and the identifiers that the lis
// emitter references; it is not a copy of Lisette's own runtime. It exists
// only because the module proxy on this machine refuses the real module;
// scripts/with-lis-runtime serves it to the Go toolchain when needed.
package lisette

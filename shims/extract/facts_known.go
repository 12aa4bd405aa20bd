package main

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// What the pass assumes about a few standard-library functions whose bodies
// it does not read (other packages come from export data). Each entry is a
// documented property of the function; the lists are kept small on purpose:
// anything not here is unknown.

// knownKey names a function as "pkg/path.Func" or "pkg/path.Type.Method"
// (pointer or value receiver alike, generic types without their
// arguments); "" for a function without an object (synthetic wrappers).
func knownKey(fn *ssa.Function) string {
	obj, _ := fn.Object().(*types.Func)
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	obj = obj.Origin()
	recv := obj.Signature().Recv()
	if recv == nil {
		return obj.Pkg().Path() + "." + obj.Name()
	}
	t := types.Unalias(recv.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	named, ok := t.(*types.Named)
	if !ok {
		return ""
	}
	return obj.Pkg().Path() + "." + named.Obj().Name() + "." + obj.Name()
}

// neverReturn are the standard functions documented to never return.
var neverReturn = map[string]bool{
	"os.Exit":            true,
	"runtime.Goexit":     true,
	"syscall.Exit":       true,
	"log.Fatal":          true,
	"log.Fatalf":         true,
	"log.Fatalln":        true,
	"log.Panic":          true,
	"log.Panicf":         true,
	"log.Panicln":        true,
	"log.Logger.Fatal":   true,
	"log.Logger.Fatalf":  true,
	"log.Logger.Fatalln": true,
	"log.Logger.Panic":   true,
	"log.Logger.Panicf":  true,
	"log.Logger.Panicln": true,
}

func neverReturnsKnown(fn *ssa.Function) bool { return neverReturn[knownKey(fn)] }

// nonNilResult are constructors documented to return a non-nil value; they
// are what `return nil, fmt.Errorf(...)` needs for nil_with_nil_error.
var nonNilResult = map[string]bool{
	"errors.New": true,
	"fmt.Errorf": true,
}

func nonNilResultKnown(fn *ssa.Function) bool { return nonNilResult[knownKey(fn)] }

type effect uint8

const (
	effectUnknown effect = iota
	effectRead
	effectWrite
)

// writesArg lists the arguments a function writes through (the receiver of
// a method is argument 0, as in SSA); its other arguments are only read.
var writesArg = map[string][]int{
	"sort.Ints":                   {0},
	"sort.Strings":                {0},
	"sort.Float64s":               {0},
	"sort.Slice":                  {0},
	"sort.SliceStable":            {0},
	"slices.Sort":                 {0},
	"slices.SortFunc":             {0},
	"slices.SortStableFunc":       {0},
	"slices.Reverse":              {0},
	"slices.Delete":               {0},
	"slices.DeleteFunc":           {0},
	"slices.Compact":              {0},
	"slices.CompactFunc":          {0},
	"slices.Insert":               {0},
	"slices.Replace":              {0},
	"maps.Copy":                   {0},
	"maps.DeleteFunc":             {0},
	"io.ReadFull":                 {1},
	"io.ReadAtLeast":              {1},
	"crypto/rand.Read":            {0},
	"math/rand.Read":              {0},
	"encoding/hex.Encode":         {0},
	"encoding/hex.Decode":         {0},
	"encoding/json.Unmarshal":     {1},
	"errors.As":                   {1},
	"strings.Builder.Grow":        {0},
	"strings.Builder.Reset":       {0},
	"strings.Builder.Write":       {0},
	"strings.Builder.WriteByte":   {0},
	"strings.Builder.WriteRune":   {0},
	"strings.Builder.WriteString": {0},
	"bytes.Buffer.Grow":           {0},
	"bytes.Buffer.Reset":          {0},
	"bytes.Buffer.Truncate":       {0},
	"bytes.Buffer.Write":          {0},
	"bytes.Buffer.WriteByte":      {0},
	"bytes.Buffer.WriteRune":      {0},
	"bytes.Buffer.WriteString":    {0},
	"bytes.Buffer.Read":           {0, 1},
	"bytes.Buffer.ReadByte":       {0},
	"bytes.Buffer.ReadString":     {0},
	"bytes.Buffer.Next":           {0},
	// Locks and counters change their own state.
	"sync.Mutex.Lock":                  {0},
	"sync.Mutex.Unlock":                {0},
	"sync.Mutex.TryLock":               {0},
	"sync.RWMutex.Lock":                {0},
	"sync.RWMutex.Unlock":              {0},
	"sync.RWMutex.RLock":               {0},
	"sync.RWMutex.RUnlock":             {0},
	"sync.RWMutex.TryLock":             {0},
	"sync.RWMutex.TryRLock":            {0},
	"sync.WaitGroup.Add":               {0},
	"sync.WaitGroup.Done":              {0},
	"sync.WaitGroup.Wait":              {0},
	"sync.WaitGroup.Go":                {0},
	"sync.Once.Do":                     {0},
	"sync.Map.Store":                   {0},
	"sync.Map.Delete":                  {0},
	"sync.Map.LoadOrStore":             {0},
	"sync.Map.LoadAndDelete":           {0},
	"sync.Map.Swap":                    {0},
	"sync.Map.CompareAndSwap":          {0},
	"sync.Map.CompareAndDelete":        {0},
	"sync.Map.Clear":                   {0},
	"sync/atomic.AddInt32":             {0},
	"sync/atomic.AddInt64":             {0},
	"sync/atomic.AddUint32":            {0},
	"sync/atomic.AddUint64":            {0},
	"sync/atomic.AddUintptr":           {0},
	"sync/atomic.StoreInt32":           {0},
	"sync/atomic.StoreInt64":           {0},
	"sync/atomic.StoreUint32":          {0},
	"sync/atomic.StoreUint64":          {0},
	"sync/atomic.StoreUintptr":         {0},
	"sync/atomic.StorePointer":         {0},
	"sync/atomic.SwapInt32":            {0},
	"sync/atomic.SwapInt64":            {0},
	"sync/atomic.SwapUint32":           {0},
	"sync/atomic.SwapUint64":           {0},
	"sync/atomic.SwapPointer":          {0},
	"sync/atomic.CompareAndSwapInt32":  {0},
	"sync/atomic.CompareAndSwapInt64":  {0},
	"sync/atomic.CompareAndSwapUint32": {0},
	"sync/atomic.CompareAndSwapUint64": {0},
	// binary.LittleEndian.PutUint32(b, v): the receiver is argument 0.
	"encoding/binary.littleEndian.PutUint16": {1},
	"encoding/binary.littleEndian.PutUint32": {1},
	"encoding/binary.littleEndian.PutUint64": {1},
	"encoding/binary.bigEndian.PutUint16":    {1},
	"encoding/binary.bigEndian.PutUint32":    {1},
	"encoding/binary.bigEndian.PutUint64":    {1},
}

// atomicTypes are sync/atomic's types: their Load reads, every other method
// writes the receiver.
var atomicTypes = map[string]bool{
	"Bool": true, "Int32": true, "Int64": true, "Uint32": true, "Uint64": true,
	"Uintptr": true, "Pointer": true, "Value": true,
}

// readsArgs are functions that only read all their arguments (elements of
// variadic ...any arguments included: fmt formats them).
var readsArgs = map[string]bool{
	"bytes.Equal": true, "bytes.Compare": true, "bytes.HasPrefix": true, "bytes.HasSuffix": true,
	"bytes.Contains": true, "bytes.ContainsAny": true, "bytes.ContainsRune": true, "bytes.Count": true,
	"bytes.EqualFold": true, "bytes.Index": true, "bytes.IndexByte": true, "bytes.IndexAny": true,
	"bytes.IndexRune": true, "bytes.LastIndex": true, "bytes.LastIndexByte": true,
	"strings.Join": true, "strings.Builder.Len": true, "strings.Builder.String": true, "strings.Builder.Cap": true,
	"bytes.Buffer.Len": true, "bytes.Buffer.Cap": true, "bytes.Buffer.String": true, "bytes.Buffer.Bytes": true,
	"bytes.Buffer.Available": true, "bytes.Buffer.AvailableBuffer": true,
	"slices.Contains": true, "slices.ContainsFunc": true, "slices.Index": true, "slices.IndexFunc": true,
	"slices.Equal": true, "slices.EqualFunc": true, "slices.Compare": true, "slices.Clone": true,
	"slices.Max": true, "slices.Min": true, "slices.BinarySearch": true, "slices.BinarySearchFunc": true,
	"slices.IsSorted": true, "slices.IsSortedFunc": true,
	"maps.Clone": true, "maps.Equal": true, "maps.EqualFunc": true,
	"unicode/utf8.DecodeRune": true, "unicode/utf8.DecodeLastRune": true, "unicode/utf8.FullRune": true,
	"unicode/utf8.RuneCount": true, "unicode/utf8.Valid": true,
	"fmt.Sprint": true, "fmt.Sprintf": true, "fmt.Sprintln": true,
	"fmt.Print": true, "fmt.Printf": true, "fmt.Println": true,
	"fmt.Fprint": true, "fmt.Fprintf": true, "fmt.Fprintln": true, "fmt.Errorf": true,
	// Like append, fmt's Append functions write only past the length of
	// their first argument, which the caller's slice does not see.
	"fmt.Append": true, "fmt.Appendf": true, "fmt.Appendln": true,
	"sync/atomic.LoadInt32": true, "sync/atomic.LoadInt64": true, "sync/atomic.LoadUint32": true,
	"sync/atomic.LoadUint64": true, "sync/atomic.LoadUintptr": true, "sync/atomic.LoadPointer": true,
	"sync.Map.Load": true, "sync.Map.Range": true,
	"runtime.KeepAlive":                   true,
	"encoding/binary.littleEndian.Uint16": true, "encoding/binary.littleEndian.Uint32": true,
	"encoding/binary.littleEndian.Uint64": true, "encoding/binary.bigEndian.Uint16": true,
	"encoding/binary.bigEndian.Uint32": true, "encoding/binary.bigEndian.Uint64": true,
}

// knownArgEffect is what fn does with its argument i.
func knownArgEffect(fn *ssa.Function, i int) effect {
	key := knownKey(fn)
	if key == "" {
		return effectUnknown
	}
	if readsArgs[key] {
		return effectRead
	}
	if args, ok := writesArg[key]; ok {
		for _, w := range args {
			if w == i {
				return effectWrite
			}
		}
		return effectRead
	}
	if obj, _ := fn.Object().(*types.Func); obj != nil && obj.Pkg().Path() == "sync/atomic" && obj.Signature().Recv() != nil && i == 0 {
		if t, ok := recvTypeName(obj); ok && atomicTypes[t] {
			if obj.Name() == "Load" {
				return effectRead
			}
			return effectWrite
		}
	}
	return effectUnknown
}

func recvTypeName(obj *types.Func) (string, bool) {
	t := types.Unalias(obj.Signature().Recv().Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if named, ok := t.(*types.Named); ok {
		return named.Obj().Name(), true
	}
	return "", false
}

// readOnlyCall reports whether a call only reads all its arguments.
func readOnlyCall(common *ssa.CallCommon) bool {
	if common.IsInvoke() {
		return false
	}
	fn := common.StaticCallee()
	return fn != nil && readsArgs[knownKey(fn)]
}

// knownMethodArgEffect is what an interface method call does with argument
// i (the receiver not counted), by the conventions of io and
// encoding/binary: Read and ReadAt fill their buffer, the Put methods of a
// ByteOrder fill theirs, Write and WriteAt must not modify theirs.
func knownMethodArgEffect(name string, i int) effect {
	switch name {
	case "Read", "ReadAt", "PutUint16", "PutUint32", "PutUint64":
		if i == 0 {
			return effectWrite
		}
		return effectRead
	case "Write", "WriteAt", "WriteString":
		return effectRead
	}
	return effectUnknown
}

// A Lisette type as a small tree. The mapper decides with these (is it already an Option? is the
// Result's value unit?) and `to_text` is the one place that spells them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lisbind::lis {

enum class TypeKind {
  Basic,      // int, string, uintptr...: `name`
  Named,      // a declared type as this file names it (`name`: `Pod`, `v1.Pod`, `unsafe.Pointer`,
              // `error`), `args`
  TypeParam,  // `name`
  Ref,        // [mut] Ref<args[0]>
  Slice,      // [mut] Slice<args[0]>
  Map,        // [mut] Map<args[0], args[1]>
  Array,      // Array<args[0], length>
  Option,     // Option<args[0]>
  Result,     // Result<args[0], args[1]>
  Partial,    // Partial<args[0], args[1]>
  Tuple,      // (args...)
  Fn,         // fn(args[0..n-1]) -> args[n-1]
  Channel,    // Channel<args[0]>
  Sender,     // Sender<args[0]>
  Receiver,   // Receiver<args[0]>
  VarArgs,    // VarArgs<args[0]>
  Unknown,    // Go's empty interface
  Never,      // no value: the function does not return
  Unit,       // ()
};

struct Type {
  TypeKind kind = TypeKind::Unit;
  // Ref, Slice, Map: the holder may write through it. Named, Basic, TypeParam: a value whose
  // methods may write through their receiver (`mut Addr`, in lis's own typedefs, and the receiver
  // lis gives a method promoted through an embedded pointer).
  bool mut = false;
  std::string name;         // Basic, Named, TypeParam
  std::vector<Type> args;   // see TypeKind
  std::int64_t length = 0;  // Array

  bool is(TypeKind k) const { return kind == k; }
  bool operator==(const Type&) const = default;
};

Type basic(std::string name);
Type named(std::string name, std::vector<Type> args = {});
Type type_param(std::string name);
Type ref(Type inner, bool mut);
Type slice(Type elem, bool mut);
Type map(Type key, Type value, bool mut);
Type array(Type elem, std::int64_t length);
Type option(Type inner);
// Option<T>, unless `t` already is one.
Type optional(Type t);
Type result(Type ok, Type err);
Type partial(Type value, Type err);
Type tuple(std::vector<Type> elements);
Type fn(std::vector<Type> params, Type result);
Type channel(TypeKind kind, Type elem);  // Channel, Sender or Receiver
Type var_args(Type elem);
Type error_type();
Type unknown();
Type never();
Type unit();

std::string to_text(const Type& type);

}  // namespace lisbind::lis

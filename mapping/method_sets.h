// Go method sets, computed from the API model: an interface's full method set (its own methods
// and those of every interface it embeds, type arguments substituted), and which interfaces of the
// model a named type implements. Two bindings depend on them:
// - lis calls a method reached through an interface `embed` as if it had one result, so an
//   interface is bound with its embedded methods listed (as lis's own typedefs do);
// - a concrete method that implements an interface method must be bound with the interface
//   method's shape, or the type no longer implements the interface in Lisette.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "model/api_model.h"

namespace lisbind::emit {

// One method of an interface's full method set.
struct InterfaceMethodEntry {
  std::string name;
  model::Signature sig;  // type parameters of the embedding chain substituted
  std::string doc;
  std::string declaring_package;  // where the interface that declares it lives
  std::string declaring_interface;
};

struct FlatInterface {
  std::vector<InterfaceMethodEntry> methods;  // sorted by name, one per name
  // Embedded elements the model cannot resolve (a package outside the closure); kept as embeds.
  std::vector<model::TypePtr> unresolved_embeds;
};

// Replaces type parameters by name; types without parameters are shared, not copied.
model::TypePtr substitute(const model::TypePtr& type,
                          const std::map<std::string, model::TypePtr>& args);
model::Signature substitute(const model::Signature& sig,
                            const std::map<std::string, model::TypePtr>& args);

// Go's type identity for signatures (parameter names ignored), as far as the model can tell.
bool identical(const model::TypePtr& a, const model::TypePtr& b);
bool identical(const model::Signature& a, const model::Signature& b);

// The full method set of interface literal `iface` declared as `package_path.interface_name`.
FlatInterface flatten_interface(const model::ApiModel& api, const model::TypeRef& iface,
                                const std::string& package_path, const std::string& interface_name);

// A named type's method sets, by method name: T's (value receivers, and what is promoted to T)
// and *T's (every method, promoted ones included).
struct MethodSetSignatures {
  std::map<std::string, const model::Signature*> value, pointer;
};
MethodSetSignatures method_sets_of(const model::Decl& type);

// Whether `set` has every method of `flat`, each with Go's identical signature.
bool has_all_methods(const std::map<std::string, const model::Signature*>& set,
                     const FlatInterface& flat);

// An interface method that a concrete method implements.
struct ImplementedMethod {
  std::string interface_package;
  std::string interface_name;
  const InterfaceMethodEntry* method = nullptr;
};

// Which interfaces of the model each named type implements. Built once per model, read by the
// package mappers in parallel.
class ImplementsIndex {
 public:
  explicit ImplementsIndex(const model::ApiModel& api);

  // The interface method that `type_name.method` (a method of the named type, value or pointer
  // receiver) implements, where T or *T implements a non-generic exported interface of the model
  // that has it; nullptr when none. The first such interface by package path and name decides.
  const ImplementedMethod* implemented(const std::string& package_path,
                                       const std::string& type_name,
                                       const std::string& method) const;

 private:
  struct Interface {
    std::string package_path;
    std::string name;
    FlatInterface flat;
  };
  std::vector<Interface> interfaces_;
  std::map<std::string, std::vector<size_t>> by_method_;  // method name -> interfaces having it
  std::map<std::string, ImplementedMethod> found_;        // "pkg.Type.Method" -> what it implements
};

}  // namespace lisbind::emit

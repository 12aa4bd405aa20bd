// lisbind's cache, reused between runs and safe to delete as a whole. Its layout is spelled here
// and nowhere else:
//
//   <cache>/work/<request key>/        the work module of one remote request (workspace.cc)
//   <cache>/models/<model key>.json    the helper's model of immutable module versions
//                                      (extraction.cc)
//   <cache>/tmp/                       models being written by running lisbinds (extraction.cc)
//   <cache>/bindings/<bindings key>/   typedefs, ledger and lock made from one model under one
//                                      set of rules and overrides (project/bindings_cache.cc)
#pragma once

#include <filesystem>
#include <string>

namespace lisbind {

// $LISBIND_CACHE_DIR, else $XDG_CACHE_HOME/lisbind, else ~/.cache/lisbind.
std::filesystem::path lisbind_cache_dir();

std::filesystem::path work_module_cache_dir(const std::string& request_key);
std::filesystem::path model_cache_file(const std::string& model_key);
std::filesystem::path model_scratch_dir();
std::filesystem::path bindings_cache_dir(const std::string& bindings_key);

}  // namespace lisbind

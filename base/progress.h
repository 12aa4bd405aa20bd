// Progress lines on stderr ("lisbind: loading ..."), for a person watching a long run: shown only
// when asked for (a terminal, no --quiet), never part of what a command outputs.
#pragma once

#include <iostream>
#include <string>

namespace lisbind {

class Progress {
 public:
  explicit Progress(bool on) : on_(on) {}
  void step(const std::string& what) const {
    if (on_) std::cerr << "lisbind: " << what << "\n";
  }
  bool on() const { return on_; }

 private:
  bool on_;
};

}  // namespace lisbind

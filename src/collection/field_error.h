#pragma once
// A bad value in one form field, with a code that the web layer translates
// (templates/i18n/*.yaml, collect.errors.<code>, with {arg} placeholders) and an English message
// for the command line and the JSON API. It is a dp::Error (BadInput), so code that does not
// care about translation handles it like any other bad input.
#include <map>
#include <string>

#include "core/error.h"

namespace dp::collection {

class FieldError : public Error {
 public:
  FieldError(std::string field, std::string code, std::string english, std::map<std::string, std::string> args = {})
      : Error(ErrorCode::BadInput, std::move(english), Location{{}, 0, 0, field}),
        code_(std::move(code)),
        args_(std::move(args)) {}
  const std::string& field() const { return where().field; }
  const std::string& code() const { return code_; }
  const std::map<std::string, std::string>& args() const { return args_; }

 private:
  std::string code_;
  std::map<std::string, std::string> args_;
};

}  // namespace dp::collection

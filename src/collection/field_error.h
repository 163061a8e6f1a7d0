#pragma once
// A bad value in one form field, with a message key that the web layer translates
// (templates/i18n/*.yaml, collect.errors.<key>, with {arg} placeholders) and an English message
// for the command line and the JSON API. It is a dp::Error (BadInput), so code that does not
// care about translation handles it like any other bad input (and its code() is BadInput).
#include <map>
#include <string>

#include "core/error.h"

namespace dp::collection {

class FieldError : public Error {
 public:
  FieldError(std::string field, std::string key, std::string english, std::map<std::string, std::string> args = {})
      : Error(ErrorCode::BadInput, std::move(english), Location{{}, 0, 0, field}),
        key_(std::move(key)),
        args_(std::move(args)) {}
  const std::string& field() const { return where().field; }
  const std::string& message_key() const { return key_; }
  const std::map<std::string, std::string>& args() const { return args_; }

 private:
  std::string key_;
  std::map<std::string, std::string> args_;
};

}  // namespace dp::collection

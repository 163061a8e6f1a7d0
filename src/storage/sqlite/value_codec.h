#pragma once
// How an answer value is stored: a kind number and a text (answers.kind, answers.value).
#include <string>
#include <utility>

#include "instrument/value.h"

namespace dp::storage::sqlite {

std::pair<int, std::string> encode(const instrument::Value& v);  // kind 0 = empty
instrument::Value decode(int kind, const std::string& text);

}  // namespace dp::storage::sqlite

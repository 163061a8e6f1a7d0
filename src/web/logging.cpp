#include "web/logging.h"

#include <chrono>
#include <ctime>
#include <memory>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "core/error.h"

namespace dp::web {

namespace {

std::string timestamp(std::chrono::system_clock::time_point t) {
  auto secs = std::chrono::system_clock::to_time_t(t);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%03dZ", (int)ms);
  return buf;
}

// One JSON object per message; nlohmann escapes what the message holds.
class JsonFormatter : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    nlohmann::ordered_json j = {{"time", timestamp(msg.time)},
                                {"level", std::string(spdlog::level::to_string_view(msg.level).data(),
                                                      spdlog::level::to_string_view(msg.level).size())},
                                {"msg", std::string(msg.payload.data(), msg.payload.size())}};
    std::string line = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    dest.append(line.data(), line.data() + line.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override { return std::make_unique<JsonFormatter>(); }
};

std::shared_ptr<spdlog::logger>& access_logger() {
  static std::shared_ptr<spdlog::logger> l;
  return l;
}

}  // namespace

std::string utc_timestamp_ms() { return timestamp(std::chrono::system_clock::now()); }

void setup_logging(const LogOptions& o) {
  auto level = spdlog::level::from_str(o.level);
  if (level == spdlog::level::off && o.level != "off")
    throw Error::usage("--log-level must be trace, debug, info, warn, error, critical or off, not '" + o.level + "'");
  if (o.format != "json" && o.format != "text" && o.format != "auto")
    throw Error::usage("--log-format must be json, text or auto, not '" + o.format + "'");
  bool json = o.format == "json" || (o.format == "auto" && !isatty(STDERR_FILENO));
  spdlog::drop("digipuls");
  spdlog::drop("access");
  access_logger().reset();
  auto messages = spdlog::stderr_logger_mt("digipuls");
  if (json) messages->set_formatter(std::make_unique<JsonFormatter>());
  else messages->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  messages->set_level(level);
  messages->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(messages);

  if (o.access.empty() || o.access == "off") return;
  std::shared_ptr<spdlog::logger> access;
  try {
    access = o.access == "-" ? spdlog::stdout_logger_mt("access") : spdlog::basic_logger_mt("access", o.access);
  } catch (const spdlog::spdlog_ex& e) {
    throw Error::bad_input(std::string("cannot open the access log: ") + e.what(), Location{o.access, 0, 0, {}});
  }
  access->set_pattern("%v");
  access->flush_on(spdlog::level::info);
  access_logger() = access;
}

void log_access(const nlohmann::ordered_json& line) {
  if (auto& l = access_logger()) l->info(line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

}  // namespace dp::web

#pragma once
// The API's descriptive answers (docs/api.md): the list of key figures with their metadata,
// one key figure, the organisations and the groups (regions), and /config with the limits.
#include <nlohmann/json.hpp>
#include <string>

#include "publish/site.h"
#include "web/http.h"

namespace dp::publish {

// Metadata of one key figure as the API states it (both languages).
nlohmann::json keyfigure_json(const KeyFigureMeta& kf, const std::string& base_url);

web::Response api_keyfigures(Site& site, const web::Request& req, const std::string& base_url);
web::Response api_keyfigure(Site& site, const web::Request& req, const std::string& base_url);
web::Response api_organisations(Site& site, const web::Request& req);
web::Response api_groups(Site& site, const web::Request& req);
web::Response api_config(Site& site, const web::Request& req);

}  // namespace dp::publish

#include "publish/home.h"

#include "storage/campaign_store.h"
#include "storage/instrument_store.h"

namespace dp::publish {

void register_home_routes(web::App& app) {
  app.router().add({"GET", "/", "public", [&app](web::Request& req) {
                      nlohmann::json ctx;
                      ctx["title"] = app.templates().t(req.lang, "home.heading");
                      auto campaigns = nlohmann::json::array();
                      for (const auto& c : app.store().campaigns().list())
                        campaigns.push_back({{"title", c.title.get(req.lang)},
                                             {"year", c.year},
                                             {"state", c.state},
                                             {"state_label", app.templates().t(req.lang, "states." + c.state)},
                                             {"instrument", c.instrument_id}});
                      ctx["campaigns"] = campaigns;
                      ctx["has_campaigns"] = !campaigns.empty();
                      auto instruments = nlohmann::json::array();
                      for (const auto& i : app.store().instruments().list())
                        instruments.push_back({{"id", i.id}, {"title", i.title.get(req.lang)}, {"year", i.year},
                                               {"previous", i.previous}});
                      ctx["instruments"] = instruments;
                      return app.page(req, "home", ctx);
                    }});
}

}  // namespace dp::publish

#pragma once
// The public pages' handlers (route table in page_routes.cpp).
#include "publish/site.h"
#include "web/app.h"

namespace dp::publish {

web::Response start_page(web::App& app, Site& site, const web::Request& req);
web::Response catalogue_page(web::App& app, Site& site, const web::Request& req);
web::Response keyfigure_page(web::App& app, Site& site, const web::Request& req);
// /statistik/{id}/diagram/{file}: {chart}.svg or {chart}.png
web::Response chart_file(web::App& app, Site& site, const web::Request& req);
web::Response embed_page(web::App& app, Site& site, const web::Request& req);
web::Response municipalities_page(web::App& app, Site& site, const web::Request& req);
web::Response municipality_page(web::App& app, Site& site, const web::Request& req);
web::Response open_data_page(web::App& app, Site& site, const web::Request& req);
// /publiceringskalender: scheduled publications and the published revisions.
web::Response calendar_page(web::App& app, Site& site, const web::Request& req);
// /rapporter, /rapporter/{campaign} and /rapporter/{campaign}/{file}: the published reports.
web::Response reports_page(web::App& app, Site& site, const web::Request& req);
web::Response report_page(web::App& app, Site& site, const web::Request& req);
web::Response summary_page(web::App& app, Site& site, const web::Request& req);
web::Response summary_editor(web::App& app, Site& site, const web::Request& req);
web::Response summary_save(web::App& app, Site& site, const web::Request& req);
web::Response report_file(web::App& app, Site& site, const web::Request& req);

}  // namespace dp::publish

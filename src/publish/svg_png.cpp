#include "publish/svg_png.h"

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <memory>

#include "core/error.h"

namespace dp::publish {

namespace {
cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}
}  // namespace

std::string svg_to_png(const std::string& svg, double scale) {
  GError* err = nullptr;
  RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &err);
  if (!handle) {
    std::string msg = err ? err->message : "unknown error";
    if (err) g_error_free(err);
    throw Error::internal("librsvg: " + msg);
  }
  std::unique_ptr<RsvgHandle, void (*)(gpointer)> guard(handle, g_object_unref);
  gdouble w = 0, h = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h) || w <= 0 || h <= 0)
    throw Error::internal("librsvg: the SVG has no width and height");
  int pw = (int)(w * scale + 0.5), ph = (int)(h * scale + 0.5);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw, ph);
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> sguard(surface, cairo_surface_destroy);
  cairo_t* cr = cairo_create(surface);
  std::unique_ptr<cairo_t, void (*)(cairo_t*)> cguard(cr, cairo_destroy);
  cairo_set_source_rgb(cr, 1, 1, 1);  // white background: PNGs end up in documents and slides
  cairo_paint(cr);
  RsvgRectangle viewport{0, 0, (double)pw, (double)ph};
  if (!rsvg_handle_render_document(handle, cr, &viewport, &err)) {
    std::string msg = err ? err->message : "unknown error";
    if (err) g_error_free(err);
    throw Error::internal("librsvg: " + msg);
  }
  std::string png;
  cairo_surface_flush(surface);
  if (cairo_surface_write_to_png_stream(surface, append, &png) != CAIRO_STATUS_SUCCESS)
    throw Error::internal("cairo: cannot write PNG");
  return png;
}

}  // namespace dp::publish

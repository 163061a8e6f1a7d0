#pragma once
// PNG of a chart, rendered on the server from the same SVG the page shows (librsvg + cairo).
#include <string>

namespace dp::publish {

// Renders a standalone SVG document at `scale` × its intrinsic size (2 for sharp images on
// high-density screens and in print). Throws dp::Error (Internal) when librsvg rejects it.
std::string svg_to_png(const std::string& svg, double scale = 2.0);

}  // namespace dp::publish

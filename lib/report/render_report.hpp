#pragma once
// The HTML report: one self-contained page (inline CSS and SVG, no script, no external resource)
// rendered from the gathered data with the report templates.
#include <string>

#include "report/report_data.hpp"
#include "report/report_templates.hpp"

namespace shopkeep::report {

// The headings of the report's sections, in order (docs/report.md, the e2e test).
const std::vector<std::string>& report_section_headings();

std::string render_report(const ReportData& data, const ReportTemplates& templates);

}  // namespace shopkeep::report

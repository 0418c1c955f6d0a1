import Foundation

/// The script that narrows a register's table to one school's entries (board-wide ones and those
/// scoped to the school), on the register pages of the board's edition of a portfolio with
/// schools. Without it, or without JavaScript, the table shows every entry and the form stays
/// hidden. Written only where it is used, so other sites do not change.
enum SchoolFilter {
    /// Whether the edition's register pages carry the filter.
    static func isUsed(in edition: Edition) -> Bool {
        edition.hasSchools && edition.school == nil && !edition.publishedRegisters.isEmpty
    }

    /// The file, where the edition uses it.
    static func files(in edition: Edition) -> [Site.File] {
        isUsed(in: edition) ? [Site.File(path: Routes.schoolFilterScript, contents: .data(Data(script.utf8)))] : []
    }

    static let script = """
        // normfolio: narrows a register's table to the entries of one school (see register.mustache).
        "use strict";
        (function () {
          var form = document.querySelector("form[data-school-filter]");
          if (!form) return;
          var select = form.querySelector("select");
          var status = form.querySelector(".filter-status");
          // A row without data-scope is board-wide: every school sees it.
          var rows = Array.prototype.slice.call(document.querySelectorAll(".register-table tbody tr"));
          form.hidden = false;
          form.addEventListener("submit", function (event) { event.preventDefault(); });
          select.addEventListener("change", function () {
            var school = select.value;
            var shown = 0;
            rows.forEach(function (row) {
              var scope = row.getAttribute("data-scope");
              var visible = school === "" || scope === null || scope.split(" ").indexOf(school) >= 0;
              row.hidden = !visible;
              if (visible) shown += 1;
            });
            status.textContent = school === "" ? "" :
              status.getAttribute("data-shown").replace("%n", String(shown)).replace("%total", String(rows.length));
          });
        })();

        """
}

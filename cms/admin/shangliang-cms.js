/*
 * shangliang: the web form's own script, loaded by /admin/index.html after decap-cms.js and js-yaml.
 * (The page and its config.yml are written by plugins/shangliang/cms/; see the editor guide, 网页编辑.)
 *
 * 1. The file format "shangliang-frontmatter": YAML front matter between `---` lines, then the body,
 *    in the house style (lists of words in brackets, dates unquoted, empty fields left out, a single
 *    district written as a key). The form-only fields `file_name` and `file_year` are never written.
 * 2. Before a save: a new file needs its file name (file_name), checked as the build checks keys;
 *    a new case goes into the folder of its date's year (file_year, used by the collection's path).
 */
(function () {
  "use strict";

  var FORMAT = "shangliang-frontmatter";
  var FORM_ONLY = ["file_name", "file_year"];
  // Keys the form has no field for, after those it has: in the contract's order.
  var OTHER_KEYS = ["figures", "commendations"];
  // Dates as precise as the source; a year alone is written as the contract writes it, unquoted (`date: 2024`).
  var DATE_KEYS = ["date", "opened", "launched", "选题", "调研", "协商", "报送", "办理", "落实"];
  var KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  var yaml = window.jsyaml;
  // YAML 1.2's core schema: `2024-06-18` stays text in the form, and is written without quotes.
  var SCHEMA = yaml.CORE_SCHEMA;

  // -- reading a file ---------------------------------------------------------

  function splitFrontMatter(text) {
    text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
    var opening = /^---[ \t]*\n/.exec(text);
    if (!opening) {
      return { front: "", body: text };
    }
    var rest = text.slice(opening[0].length);
    var closing = /(^|\n)---[ \t]*(\n|$)/.exec(rest);
    if (!closing) {
      return { front: "", body: text };
    }
    return {
      front: rest.slice(0, closing.index),
      body: rest.slice(closing.index + closing[0].length).replace(/^\n/, ""),
    };
  }

  function asText(value) {
    return typeof value === "number" ? String(value) : value;
  }

  // What the form's widgets expect: dates as text (`date: 2024` is a number in YAML), districts as a list.
  function forTheForm(meta) {
    ["date", "opened", "launched"].forEach(function (name) {
      if (name in meta) meta[name] = asText(meta[name]);
    });
    ["stages", "source"].forEach(function (name) {
      var inner = meta[name];
      if (inner && typeof inner === "object" && !Array.isArray(inner)) {
        Object.keys(inner).forEach(function (key) {
          inner[key] = asText(inner[key]);
        });
      }
    });
    if (typeof meta.district === "string") meta.district = [meta.district];
    return meta;
  }

  function fromFile(text) {
    var parts = splitFrontMatter(text || "");
    var meta = parts.front.trim() ? yaml.load(parts.front, { schema: SCHEMA }) : {};
    if (!meta || typeof meta !== "object" || Array.isArray(meta)) {
      throw new Error("页头不是“键: 值”的形式");
    }
    meta = forTheForm(meta);
    if (parts.body.trim()) meta.body = parts.body;
    return meta;
  }

  // -- writing a file ---------------------------------------------------------

  // The value without its empty parts (an empty text, list or group is as good as not written).
  function withoutEmpty(value) {
    if (value === null || value === undefined) return undefined;
    if (typeof value === "string") return value.trim() === "" ? undefined : value;
    if (Array.isArray(value)) {
      var items = value.map(withoutEmpty).filter(function (item) {
        return item !== undefined;
      });
      return items.length ? items : undefined;
    }
    if (typeof value === "object") {
      var kept = {};
      Object.keys(value).forEach(function (key) {
        var inner = withoutEmpty(value[key]);
        if (inner !== undefined) kept[key] = inner;
      });
      return Object.keys(kept).length ? kept : undefined;
    }
    return value;
  }

  function isScalar(value) {
    return value === null || typeof value !== "object";
  }

  function yamlLine(key, value) {
    var flow = Array.isArray(value) && value.every(isScalar);
    var entry = {};
    entry[key] = value;
    var text = yaml.dump(entry, { schema: SCHEMA, lineWidth: -1, noRefs: true, flowLevel: flow ? 1 : -1 });
    // Year keys (`figures: {2024: …}`) were numbers in the file: keep them unquoted; so are years alone as dates.
    return text.replace(/^(\s*)'(\d{4})':/gm, "$1$2:").replace(/^(\s*)([^\s:]+): '(\d{4})'$/gm, function (line, indent, name, year) {
      return DATE_KEYS.indexOf(name) === -1 ? line : indent + name + ": " + year;
    });
  }

  function ordered(keys, sortedKeys) {
    var first = (sortedKeys || []).filter(function (key) {
      return keys.indexOf(key) !== -1;
    });
    return first.concat(
      keys.filter(function (key) {
        return first.indexOf(key) === -1;
      })
    );
  }

  function toFile(data, sortedKeys) {
    var lines = "";
    ordered(Object.keys(data), (sortedKeys || []).concat(OTHER_KEYS)).forEach(function (key) {
      if (key === "body" || FORM_ONLY.indexOf(key) !== -1) return;
      var value = withoutEmpty(data[key]);
      if (value === undefined || ((key === "draft" || key === "partner") && value === false)) return;
      if (key === "district" && Array.isArray(value) && value.length === 1) value = value[0];
      lines += yamlLine(key, value);
    });
    var body = typeof data.body === "string" ? data.body.replace(/\s+$/, "") : "";
    return "---\n" + lines + "---\n" + (body ? "\n" + body + "\n" : "");
  }

  // -- before a save ----------------------------------------------------------

  function beforeSave(event) {
    var entry = event.entry;
    var data = entry.get("data");
    if (!entry.get("newRecord")) return data;
    var fileName = String(data.get("file_name") || "").trim();
    if (!KEY.test(fileName)) {
      throw new Error(
        "请填写“文件名 file_name”：小写拼音或英文、数字，词之间用连字符，例如 pu-tuo-cun-lu-deng"
      );
    }
    data = data.set("file_name", fileName);
    var date = String(data.get("date") || "").trim();
    if (DATE.test(date)) data = data.set("file_year", date.slice(0, 4));
    return data;
  }

  window.CMS.registerCustomFormat(FORMAT, "md", { fromFile: fromFile, toFile: toFile });
  window.CMS.registerEventListener({ name: "preSave", handler: beforeSave });
})();

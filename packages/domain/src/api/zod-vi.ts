/**
 * Vietnamese messages for zod validation issues, shared by the server and the web app so a
 * citizen sees the same sentence in the form and in an API error. Falls back to zod's own
 * Vietnamese locale for rare issue kinds.
 */
import { z } from "zod";

const vi = z.locales.vi();

function describeSize(origin: string | undefined): string {
  if (origin === "string") return "ký tự";
  if (origin === "array" || origin === "set") return "mục";
  return "";
}

export const vietnameseErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Bắt buộc nhập.";
      return `Sai kiểu dữ liệu: cần ${typeName(issue.expected)}.`;
    case "too_small": {
      const unit = describeSize(issue.origin);
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "Bắt buộc nhập.";
      if (unit) return `Phải có ít nhất ${String(issue.minimum)} ${unit}.`;
      return `Phải lớn hơn hoặc bằng ${String(issue.minimum)}.`;
    }
    case "too_big": {
      const unit = describeSize(issue.origin);
      if (unit) return `Chỉ được tối đa ${String(issue.maximum)} ${unit}.`;
      return `Phải nhỏ hơn hoặc bằng ${String(issue.maximum)}.`;
    }
    case "unrecognized_keys":
      return `Trường không được chấp nhận: ${issue.keys.join(", ")}.`;
    case "invalid_format":
      if (issue.format === "email") return "Địa chỉ thư điện tử không hợp lệ.";
      if (issue.format === "uuid") return "Mã định danh không hợp lệ.";
      if (issue.format === "date") return "Ngày không hợp lệ (định dạng YYYY-MM-DD).";
      return "Định dạng không hợp lệ.";
    case "invalid_value":
      return `Giá trị không hợp lệ; chọn một trong: ${issue.values.map(String).join(", ")}.`;
    default:
      return vi.localeError(issue);
  }
};

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: "chuỗi ký tự",
    number: "số",
    int: "số nguyên",
    boolean: "đúng/sai",
    object: "đối tượng",
    array: "danh sách",
    date: "ngày",
  };
  return names[expected] ?? expected;
}

z.config({ customError: vietnameseErrorMap });

export interface FieldIssue {
  field: string;
  message: string;
}

/** The first issue of a zod error, as a field path ("roles.0") and a Vietnamese message. */
export function firstIssue(error: z.ZodError): FieldIssue {
  const issue = error.issues[0];
  if (!issue) return { field: "", message: "Dữ liệu không hợp lệ." };
  const path = issue.path.map(String).join(".");
  const field = issue.code === "unrecognized_keys" ? [path, issue.keys[0]].filter(Boolean).join(".") : path;
  return { field, message: field ? `${field}: ${issue.message}` : issue.message };
}

export { z };

/**
 * An optional field of a form. Left empty, a form sends it as "", as null or not at all; all three
 * mean "not given" and reach `schema` as undefined (its `.optional()` or `.default()` decides what
 * follows). So an empty optional field never fails with "must be a string" (test/form-fields.test.ts
 * holds every form to it).
 */
export function blankable<T extends z.ZodType>(schema: T) {
  return z.preprocess<unknown, T, z.input<T> | null>(
    (value) => (value === null || value === "" ? undefined : value),
    schema,
  );
}

/**
 * A choice from a list: left empty it asks for a choice ("Chọn nguồn đơn."), a value not in the
 * list is refused as invalid ("Nguồn đơn không hợp lệ."). `what` is the field's name in lower case.
 */
export function choiceOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined || issue.input === null || issue.input === ""
        ? `Chọn ${what}.`
        : `${what.charAt(0).toUpperCase()}${what.slice(1)} không hợp lệ.`,
  });
}

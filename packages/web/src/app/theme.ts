import {
  createTheme,
  defaultVariantColorsResolver,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from "@mantine/core";

/**
 * Text colours for "light" variants (badges, active nav links, alerts), darker than Mantine's
 * defaults so that every pairing reaches WCAG AA (4.5:1) on its tinted background.
 */
const DARK_TEXT: Record<string, string> = {
  red: "#a51d1d",
  green: "#1b6a2c",
  yellow: "#8a4b00",
  orange: "#8a4b00",
  blue: "#174b80",
  gray: "#343a40",
  violet: "#5f3dc4",
  grape: "#7a2a8c",
  teal: "#0b6b4f",
  indigo: "#2b3fa8",
  cyan: "#0b5e6e",
};

const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const name = input.color ?? input.theme.primaryColor;
  if (input.variant === "light" || input.variant === "outline" || input.variant === "subtle") {
    const dark = DARK_TEXT[name];
    if (dark) return { ...colors, color: dark, hoverColor: dark };
  }
  return colors;
};

const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "#6c757d",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-anchor": "var(--mantine-color-blue-9)",
  },
  dark: {},
});

export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 5 },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
  defaultRadius: "sm",
  focusRing: "auto",
  variantColorResolver,
  components: {
    // Upper-case Vietnamese in small type is hard to read; badges keep sentence case.
    // Never cut a badge to "Đang h…": it keeps its full width.
    Badge: { defaultProps: { tt: "none" }, styles: { root: { minWidth: "max-content" } } },
    // Mantine's built-in button labels are English; screen readers need them in Vietnamese.
    // (Plain objects, not Component.extend, so the components stay in the lazy page chunks.)
    Modal: { defaultProps: { closeButtonProps: { "aria-label": "Đóng" } } },
    Drawer: { defaultProps: { closeButtonProps: { "aria-label": "Đóng" } } },
    Notification: { defaultProps: { closeButtonProps: { "aria-label": "Đóng thông báo" } } },
    PasswordInput: { defaultProps: { visibilityToggleButtonProps: { "aria-label": "Hiện hoặc ẩn ký tự đã nhập" } } },
    Select: { defaultProps: { clearButtonProps: { "aria-label": "Xóa lựa chọn" } } },
    MultiSelect: { defaultProps: { clearButtonProps: { "aria-label": "Xóa lựa chọn" } } },
  },
});

export { cssVariablesResolver };

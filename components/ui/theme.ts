import { createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  // Filled buttons and badges in the eighth shade, with dark text on the light ones: white on
  // indigo 6 reaches only 4.3:1, under WCAG AA's 4.5:1 for small text.
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.2,
  defaultRadius: "md",
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif",
  headings: { fontWeight: "650" },
  components: {
    // Every list of choices (Select, MultiSelect, the pickers built on Combobox) shows when asked
    // for. By default Mantine hides one whose field it takes for scrolled out of view, and inside a
    // full-screen window on a touch phone it took the field for hidden and never showed the list.
    // Set as a plain object, not `Combobox.extend`: the server reads this theme too.
    Combobox: { defaultProps: { hideDetached: false } },
  },
});

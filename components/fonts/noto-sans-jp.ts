// Imported by japanese-face.tsx once a page has hydrated: importing this module brings in the
// stylesheet of @fontsource-variable/noto-sans-jp (variable, unicode-range slices, swap).
import "@fontsource-variable/noto-sans-jp";

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Noto Sans SC (SIL OFL-1.1), whole TrueType files from `@expo-google-fonts/noto-sans-sc`: the PDF
 * embeds only the glyphs used (a subset); the chart pictures of the .docx are drawn with it too.
 */
export const reportFonts = {
  family: 'Noto Sans SC',
  regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
};

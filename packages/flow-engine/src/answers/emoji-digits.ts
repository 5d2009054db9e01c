/**
 * Digits customers send as emoji: keycaps ('9️⃣', also '1️⃣0️⃣') and the keypad ten ('🔟').
 */

const KEYCAP = /([0-9#*])\uFE0F?\u20E3/gu;
const KEYPAD_TEN = /\u{1F51F}/gu;

/** Replaces keycap emoji with their digit and '🔟' with ' 10 '. Other text is unchanged. */
export function replaceEmojiDigits(text: string): string {
  return text.replace(KEYPAD_TEN, ' 10 ').replace(KEYCAP, '$1');
}

/** Text that tries every corner of the search tokenizer: accents, ligatures, scripts, markup, controls. */
export const HOSTILE_TEXT =
  "Café CAFÉ cafe\u0301 ﬁnancial Ｆｕｌｌ-width İstanbul straße ÆON naïve résumés ½ ①②  " +
  "<script>alert('x')</script> don't O'Brien's e-mail 3.14 2024-06-10 #hashtag @user " +
  "東京都 北京 Москва́ ελληνικά עִבְרִית العربية 🎉emoji🎉 zero\u200bwidth tab\there " +
  "harbours policies buses glasses the THE a an harbour's \u0000nul \uFEFFbom \uD83Dlone";

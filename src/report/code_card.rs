//! A workshop participant's response code as markup: the code to copy, the link back to the
//! facilitator and a QR code of that link. Drawn by the later wasm (which also makes the code),
//! so the survey's first load carries none of it. Two things in it the loader
//! (`web/later.js`) acts on: the copy buttons are plain buttons that name the field they copy
//! (`data-copy`) and what their status line (`<field>-status`) says after (`data-done`,
//! `data-failed`); the QR code's place names the text to encode and its title (`data-qr`,
//! `data-qr-title`), and the loader draws it there with the QR wasm (`src/bin/qr.rs`), which
//! only participants' and facilitators' screens fetch.

use super::markup;
use crate::i18n::ReportStrings;

/// Everything a code card is drawn from.
pub struct CodeCard<'a> {
    pub code: &'a str,
    /// The link back: the workshop page, importing the code when opened.
    pub link: &'a str,
    /// The title of the link's QR code, for screen readers.
    pub qr_title: &'a str,
    pub report: &'a ReportStrings,
    /// Prefix for element ids, unique per instance on the page.
    pub id_prefix: &'a str,
}

/// The card: a section of the scorecard, first.
pub fn code_card(card: &CodeCard) -> String {
    let t = card.report;
    let mut html = String::new();
    markup(
        &mut html,
        r#"<section class="samepage__card samepage__code"><h3>{}</h3><p>{}</p>"#,
        &[t.code_title, t.code_intro],
    );
    let fields = [
        (
            "code",
            t.code_label,
            card.code,
            t.copy_code,
            t.copied_code,
            None,
        ),
        (
            "code-link",
            t.code_link,
            card.link,
            t.copy_link,
            t.copied_link,
            Some(t.code_link_hint),
        ),
    ];
    for (name, label, value, copy, copied, hint) in fields {
        let id = &(card.id_prefix.to_owned() + "-" + name);
        markup(
            &mut html,
            r#"<label for="{}">{}</label><input id="{}" class="samepage__code-text" type="text" readonly value="{}">"#,
            &[id, label, id, value],
        );
        if let Some(hint) = hint {
            markup(&mut html, r#"<p class="samepage__hint">{}</p>"#, &[hint]);
        }
        let primary = if name == "code" {
            " samepage__button--primary"
        } else {
            ""
        };
        markup(
            &mut html,
            r#"<div class="samepage__row"><button type="button" class="samepage__button{}" data-copy="{}" data-done="{}" data-failed="{}">{}</button></div><p id="{}-status" role="status"></p>"#,
            &[primary, id, copied, t.copy_failed, copy, id],
        );
    }
    markup(
        &mut html,
        r#"<div class="samepage__qr" data-qr="{}" data-qr-title="{}"></div></section>"#,
        &[card.link, card.qr_title],
    );
    html
}

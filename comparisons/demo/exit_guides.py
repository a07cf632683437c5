"""Demo guides to leaving each of Fernhill Labs' products, in English, and in Japanese
for the product page that has a Japanese version."""

SLUG = "leaving"


def export_format(name, contents):
    return ("format", {"name": name, "contents": contents})


EXIT_GUIDES = {
    "fernhill-desk": {
        "title": "Leaving Fernhill Desk",
        "intro": "<p>You can leave whenever you like, with everything you put in. This page "
        "says how, and what happens afterwards.</p>",
        "export_steps": "<ol><li>An account owner opens <b>Settings → Data → Export</b>.</li>"
        "<li>Choose <i>Everything</i>, or a date range.</li><li>We e-mail a download link "
        "when the export is ready: within an hour for most accounts.</li></ol><p>The export "
        "is also available through the API, for moving to another helpdesk directly.</p>",
        "export_formats": [
            export_format("CSV", "Tickets, customers and agents, one file each."),
            export_format(
                "JSON",
                "Everything in the CSV files plus every reply, internal note and "
                "attachment link, as the API returns them.",
            ),
            export_format("EML", "Every e-mail as it was received or sent, in one ZIP file."),
        ],
        "notice_period": "None: cancel any time; the plan runs to the end of the period "
        "you have paid for.",
        "cancellation_terms": "<p>Cancel from <b>Settings → Billing</b>. There is no "
        "cancellation fee. Yearly plans are refunded for each whole month not yet "
        "started.</p>",
        "data_after_leaving": "<p>Your account is read-only for 30 days, so you can still "
        "export. After that, everything is deleted within a further 30 days, backups "
        "included. Ask support@fernhill.example to delete it sooner.</p>",
    },
    "fernhill-chat": {
        "title": "Leaving Fernhill Chat",
        "intro": "<p>Leaving takes a few minutes and costs nothing.</p>",
        "export_steps": "<p>An account owner opens <b>Settings → Export</b> and chooses the "
        "conversations to export. The file downloads at once.</p>",
        "export_formats": [
            export_format("CSV", "Conversations, visitors and ratings."),
            export_format("JSON", "Every message with its timestamps and author."),
        ],
        "notice_period": "None: cancel any time.",
        "cancellation_terms": "<p>Cancel from <b>Settings → Billing</b>; no fee. Monthly "
        "plans are not refunded for the current month.</p>",
        "data_after_leaving": "<p>Deleted 30 days after you cancel, backups included.</p>",
    },
    "fernhill-answers": {
        "title": "Leaving Fernhill Answers",
        "intro": "<p>Your articles are yours: take them with you.</p>",
        "export_steps": "<p>An editor opens <b>Settings → Export</b>. Articles export with "
        "their images and categories.</p>",
        "export_formats": [
            export_format("HTML", "Each article as a web page, with its images, in a ZIP file."),
            export_format("Markdown", "Each article as text, for another knowledge base."),
        ],
        "notice_period": "None: cancel any time.",
        "cancellation_terms": "<p>Cancel from <b>Settings → Billing</b>; no fee.</p>",
        "data_after_leaving": "<p>Your help centre goes offline at once; its articles are "
        "deleted 30 days later.</p>",
    },
}

JAPANESE = {
    "fernhill-desk": {
        "title": "Fernhill Desk の解約とデータの持ち出し",
        "intro": "<p>いつでも解約でき、登録したデータはすべて持ち出せます。このページでは"
        "その手順と、解約後のデータの扱いを説明します。</p>",
        "export_steps": "<ol><li>アカウント所有者が<b>設定 → データ → エクスポート</b>"
        "を開きます。</li><li><i>すべて</i>、または期間を選びます。</li><li>エクスポートの"
        "準備ができるとダウンロード用のリンクをメールでお送りします（ほとんどのアカウントで"
        "1 時間以内）。</li></ol><p>API からも同じデータを取得でき、他のヘルプデスクへ直接"
        "移行できます。</p>",
        "export_formats": [
            export_format("CSV", "チケット・顧客・担当者をそれぞれ 1 ファイルで。"),
            export_format(
                "JSON",
                "CSV の内容に加え、すべての返信・社内メモ・添付ファイルのリンクを API と同じ形式で。",
            ),
            export_format("EML", "受信・送信したすべてのメールを 1 つの ZIP ファイルで。"),
        ],
        "notice_period": "不要です。いつでも解約でき、お支払い済みの期間の終わりまでご利用いただけます。",
        "cancellation_terms": "<p><b>設定 → 請求</b>から解約できます。解約手数料はかかりません。"
        "年額プランは、まだ始まっていない月の分を月単位で返金します。</p>",
        "data_after_leaving": "<p>解約後 30 日間はアカウントが読み取り専用になり、引き続き"
        "エクスポートできます。その後さらに 30 日以内に、バックアップを含むすべてのデータを"
        "削除します。早めの削除は support@fernhill.example までご依頼ください。</p>",
    },
}

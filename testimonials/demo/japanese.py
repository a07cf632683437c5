"""Japanese versions of testimonials' demo pages: the testimonial wall, the case
studies (the index and one case study), the submission form and its thanks text, the
NPS survey, the demo request form and the policy page on how testimonials are
collected. Customer, product and person names stay as they write them; a case study
quotes the same approved testimonials as its English original."""

POLICY = {
    "title": "お客様の声の集め方",
    "intro": "お客様の声は、送信フォームまたはインタビューで集め、編集者が確認してから掲載します。"
    "評価の高低で掲載を判断することはありません。",
    "body": [
        ("heading", {"text": "どなたでも投稿でき、どの評価も掲載します", "anchor": "publishing"}),
        (
            "paragraph",
            "<p>このサイトのフォームから、どなたでもお客様の声を送ることができます。"
            "届いた声はすべて編集者が読みます。低い評価も高い評価とまったく同じように掲載します。"
            "掲載しない理由は、スパム、お客様ではない方からの投稿、個人情報を含むもの、"
            "製品と関係のない内容、重複、掲載への同意がないものに限られます。</p>",
        ),
        ("heading", {"text": "お客様の言葉のまま", "anchor": "words"}),
        (
            "paragraph",
            "<p>お客様が書いた言葉を編集することはありません。短くした場合は「抜粋」と表示し、"
            "元の全文へのリンクを付けます。</p>",
        ),
        ("heading", {"text": "表示しているラベル", "anchor": "labels"}),
        (
            "paragraph",
            "<p>投稿者をお客様のアカウント、請求書または通話で確認できた場合にだけ「確認済み」と"
            "表示し、確認の方法も示します。謝礼(割引・ギフト・報酬など)を受け取った方や、"
            "当社の社員・パートナーによる声には、本文のすぐ横に「PR」とその理由を表示します。</p>",
        ),
        ("heading", {"text": "取り下げ", "anchor": "withdrawing"}),
        (
            "paragraph",
            "<p>投稿者には、いつでも自分の声を取り下げられる専用のリンクをお送りします。"
            "取り下げた声は、事例紹介も含めてサイトからすぐに消えます。</p>",
        ),
    ],
}

WALL = {
    "title": "お客様の声",
    "intro": "<p>当社製品についてお客様からいただいた声を、お客様の言葉のまま掲載しています。</p>",
}

SUBMISSION = {
    "title": "ご感想をお聞かせください",
    "intro": "<p>良い点も悪い点も、当社製品の使い心地をお聞かせください。"
    "低い評価も高い評価と同じように掲載します。</p>",
    "thank_you_text": "<p>ありがとうございました。お寄せいただいた声は、2営業日以内に編集者が"
    "すべて読みます。承認されると、お客様の言葉と評価のまま、該当するラベルとともに"
    "このサイトに掲載されます。</p>",
}

CASE_STUDY_INDEX = {
    "title": "導入事例",
    "intro": "<p>お客様が当社製品をどのように使っているかを、お客様の言葉と数字でご紹介します。"
    "どの事例も公開前にお客様の承認を得ています。</p>",
}

CASE_STUDIES = {
    "harbour-books-halves-reply-times": {
        "title": "Harbour Books:お客様への返信が数日から数時間に",
        "summary": "ウェブストアが忙しい書店が、共有の受信箱からヘルプデスクとチャットに移行しました。",
        "challenge": "<p>4人で1つの共有受信箱に対応していました。お客様は返信を1日待つことがあり、"
        "2人から違う答えが届くこともありました。</p>",
        "solution": "<p>注文に関する問題ごとにルールを1つ作り、Fernhill Desk を半日で設定しました。"
        "購入前の質問には、ショップに Fernhill Chat を追加して対応しています。</p>",
        # In the order of the English page's results.
        "results": [
            ("最初の返信までの時間(中央値)", "時間", "導入前後の4週間、同社のレポートより。"),
            ("二重に返信したメール", "件/月", "同社のサポートリーダーが集計。"),
        ],
    },
}

NPS_SURVEY = {
    "title": "当社の対応はいかがですか?",
    "question": "当社を友人や同僚に勧める可能性はどのくらいありますか?",
    "intro": "<p>質問は1つだけで、理由も書いていただけます。1分ほどで終わります。</p>",
    "thank_you_text": "<p>ご回答ありがとうございました。いただいたコメントはすべて読んでいます。"
    "厳しいご意見から先に読みます。</p>",
}

DEMO_REQUEST = {
    "title": "デモを申し込む",
    "intro": "<p>チームに必要なことをお知らせください。当社製品でどのように対応できるか、"
    "そして対応できないことは何かをご説明します。</p>",
    "thank_you_text": "<p>ありがとうございました。1営業日以内に担当者から日程調整のご連絡を"
    "いたします。</p>",
}

# The form's labels, by the English label: each field keeps its name, so requests
# from both languages are stored under the same columns.
DEMO_REQUEST_LABELS = {
    "Your name": "お名前",
    "Work e-mail": "勤務先のメールアドレス",
    "Company": "会社名",
    "What would you like to see?": "ご覧になりたい内容",
}


def case_study_text(page, text):
    """The metrics keep their numbers; their label, unit and note are Japanese."""
    fields = {key: value for key, value in text.items() if key != "results"}
    fields["results"] = [
        ("metric", {**block.value, "label": label, "unit": unit, "note": note})
        for block, (label, unit, note) in zip(page.results, text["results"], strict=True)
    ]
    return fields


def relabel(page):
    """The demo request form's fields with Japanese labels, keeping each field's name
    (a field created from a Japanese label would take a new one)."""
    return [
        type(field)(
            label=DEMO_REQUEST_LABELS.get(field.label, field.label),
            clean_name=field.clean_name,
            field_type=field.field_type,
            required=field.required,
            choices=field.choices,
            default_value=field.default_value,
            help_text=field.help_text,
            sort_order=field.sort_order,
        )
        for field in page.form_fields.all()
    ]

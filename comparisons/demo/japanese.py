"""Japanese versions of comparisons' demo pages: the product and comparison index
pages, one product page, both comparisons and the methodology page. Product and
criterion names stay as the vendors write them."""

from comparisons.demo.pages import free_plan, plan, point

PRODUCT_INDEX = {
    "title": "製品",
    "intro": "<p>各製品の得意なこと、不得意なこと、そして別の製品を選ぶべき方をご紹介します。</p>",
}

COMPARISON_INDEX = {
    "title": "製品比較",
    "intro": "<p>当社製品と他社製品の比較です。すべての値に出典と確認日があり、"
    "他社が優れている項目も当社が優れている項目と同じようにはっきり示します。</p>",
}

PRODUCT_PAGES = {
    "fernhill-desk": {
        "title": "Fernhill Desk",
        "summary": "<p>Fernhill Desk は、サポート用の受信箱を担当者・ステータス・履歴のある"
        "チケットに変えます。メールで顧客対応をするチームが、その日の午後から使い始められる"
        "ように作られています。</p>",
        "pricing": [
            free_plan(
                "Free",
                "エージェント2名まで",
                "共有受信箱、チケットのステータス、メールボックス1つ。",
            ),
            plan("Team", 19, "メールボックス無制限、ルール、レポート。", billing="年払い"),
            plan(
                "Business",
                35,
                "SAML シングルサインオン、監査ログ、サンドボックス。",
                billing="年払い",
            ),
            plan(
                "Enterprise",
                None,
                "請求書払い、専任の担当者、他のヘルプデスクからの移行支援。",
                billing="エージェント50名以上",
            ),
        ],
        "pricing_note": "月払いでも月あたりの料金は同じです。価格は税抜きです。",
        "strengths": [
            point(
                "半日で使い始められる",
                "メールボックスを接続し、エージェントを招待するだけ。当社のテストでは40分でした。",
            ),
            point("小規模チーム向けの価格", "Team プランは当社のヘルプデスク比較で最も安価です。"),
            point(
                "データは EU 内に保管", "すべてのプランがフランクフルトでホスティングされています。"
            ),
        ],
        "limitations": [
            point("電話チャネルがない", "Fernhill Desk では電話の応対も記録もできません。"),
            point(
                "監査ログの保存期間が短い",
                "監査ログの保存は90日間です。Tidewell Desk は2年間保存します。",
            ),
            point(
                "サポート窓口は営業時間のみ",
                "当社サポートの対応時間は平日 8:00〜18:00(中央ヨーロッパ時間)です。",
            ),
            point(
                "ライブチャットは別料金", "チャットは Fernhill Chat として別途ご契約いただきます。"
            ),
        ],
        "ideal_for": [
            point("メールで顧客対応をする、エージェント2〜50名のチーム"),
            point("顧客データを EU 内に保管する必要がある企業"),
        ],
        # In the same order as the English page: each keeps its recommended alternative.
        "not_suitable_for": [
            (
                "顧客対応の大半が電話である",
                "Fernhill Desk には電話チャネルがなく、連携で追加すると通話履歴が失われます。",
            ),
            (
                "ベンダーのサポートが24時間必要である",
                "当社のサポートチームはヨーロッパの営業時間内、平日のみの対応です。",
            ),
            (
                "ウェブサイトにチャットを置きたいだけである",
                "ヘルプデスク全体は過剰です。当社のチャット製品のほうがシンプルで安価です。",
            ),
        ],
    },
}

COMPARISON_PAGES = {
    "fernhill-desk-vs-tidewell-desk-vs-quillory": {
        "title": "Fernhill Desk・Tidewell Desk・Quillory Support Suite の比較",
        "intro": "<p>メールで顧客対応をするチーム向けの3つのヘルプデスクを、価格、チャネル、"
        "セキュリティ、ベンダー自身のサポートの観点で比較します。</p>",
        "selection_note": "10〜50名のチームが最もよく購入する中位プランを比較しています。"
        "当社の Team プラン、Tidewell の Business プラン、Quillory の Pro プランです。",
        "author_name": "Maya Lindqvist(プロダクトマーケティング)",
        # Best-for lines in the order of the compared products.
        "best_for": [
            "メールで顧客対応をし、すぐに始めたい中小規模のチーム。",
            "電話対応があり、24時間のベンダーサポートと長期の監査ログが必要な大規模チーム。",
            "チケット管理、チャット、コミュニティフォーラムを1社でそろえたいチーム。",
        ],
    },
    "fernhill-chat-vs-quillory-vs-bramblecall": {
        "title": "Fernhill Chat・Quillory Support Suite・Bramblecall の比較",
        "intro": "<p>小規模チーム向けのライブチャット：当社のチャット製品を、チャットを含む"
        "2つのスイート製品と比較します。</p>",
        "selection_note": "1つのチームでライブチャットを使えるプランを比較しています。"
        "当社の Growth プラン、Quillory の Pro プラン、Bramblecall の Standard プランです。",
        "author_name": "Maya Lindqvist(プロダクトマーケティング)",
        # Best-for lines in the order of the compared products.
        "best_for": [
            "ウェブサイトのチャットを数分で、最も安く始めたい小規模チーム。",
            "SAML シングルサインオンと、チャットの裏側でのチケット管理が必要なチーム。",
            "顧客の多くが電話で問い合わせ、チャットは2番目のチャネルであるチーム。",
        ],
    },
}

METHODOLOGY = {
    "title": "比較の方法",
    "intro": "当社は比較対象の製品の一部を開発しています。どのように値を集めているかを"
    "ここで説明しますので、内容をご確認のうえ、誤りがあればお知らせください。",
    "body": [
        ("heading", {"text": "当社は比較対象のベンダーの一社です", "anchor": "our-interest"}),
        (
            "paragraph",
            "<p>Fernhill Labs は Fernhill Desk、Fernhill Chat、Fernhill Answers を開発しています。"
            "このサイトのすべての比較には当社製品が少なくとも1つ含まれ、冒頭でその旨を明記しています。</p>",
        ),
        ("heading", {"text": "値の出典", "anchor": "sources"}),
        (
            "paragraph",
            "<p>各値には、その根拠となる公開ページ(各社の料金ページ、ドキュメント、"
            "セキュリティページ)へのリンクがあります。「当社のテスト」とある値は、"
            "すべての製品で同じ手順に従って当社が測定したものです。</p>",
        ),
        ("heading", {"text": "確認日と古い値", "anchor": "dates"}),
        (
            "paragraph",
            "<p>すべての値に最後に出典と照合した日付を表示しています。180日より前に確認した値は、"
            "再確認されるまで経過日数とともに「古い情報」と表示します。</p>",
        ),
        ("heading", {"text": "データの確認と再利用", "anchor": "open-data"}),
        (
            "paragraph",
            "<p>すべての比較表は CSV と JSON でダウンロードでき、各値に出典、確認日、根拠、"
            "訂正履歴が付いています。CC BY 4.0 ライセンスのもとで自由に再利用できます。"
            '<a href="/ja/data/">比較データの一覧</a>もご覧ください。</p>',
        ),
        ("heading", {"text": "誤りの報告", "anchor": "report-an-error"}),
        (
            "paragraph",
            "<p>誤りや古い値を見つけたら、各比較ページの「誤りを報告」からお知らせください。"
            "競合他社からの報告も歓迎します。</p>",
        ),
    ],
}


def product_page_text(page, text):
    """Strengths and the rest are StreamFields; "not suitable for" keeps each item's
    recommended alternative, with the situation and reason in Japanese."""
    fields = {key: value for key, value in text.items() if key != "not_suitable_for"}
    for name, block in (("strengths", "strength"), ("limitations", "limitation")):
        fields[name] = [(block, item) for item in text[name]]
    fields["ideal_for"] = [("audience", item) for item in text["ideal_for"]]
    fields["not_suitable_for"] = [
        type(item)(
            situation=situation,
            reason=reason,
            alternative=item.alternative,
            sort_order=item.sort_order,
        )
        for item, (situation, reason) in zip(
            page.not_suitable_for.all(), text["not_suitable_for"], strict=True
        )
    ]
    return fields


def comparison_page_text(page, text):
    fields = {key: value for key, value in text.items() if key != "best_for"}
    fields["compared_products"] = [
        type(item)(
            product=item.product, plan=item.plan, best_for=best_for, sort_order=item.sort_order
        )
        for item, best_for in zip(page.compared_products.all(), text["best_for"], strict=True)
    ]
    return fields

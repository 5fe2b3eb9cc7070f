"""Short texts of our own (one or two sentences, as a caption or a headline is) in the languages
of the region, for comparing language detectors (``bench_language.py``)."""

SAMPLES: dict[str, list[str]] = {
    "ru": [
        "Беженцы из Степанакерта прибыли в Горис.",
        "Колонна машин медленно двигалась по дороге к границе.",
        "Министр заявил, что переговоры продолжатся на следующей неделе.",
        "Жители города остались без электричества и газа.",
    ],
    "uk": [
        "Біженці з міста перетнули кордон уночі.",
        "Міністр заявив, що переговори триватимуть наступного тижня.",
        "Мешканці залишилися без світла і води.",
        "Колона автомобілів повільно рухалася до кордону.",
    ],
    "hy": [
        "Փախստականները Ստեփանակերտից հասան Գորիս։",
        "Նախարարը հայտարարեց, որ բանակցությունները կշարունակվեն։",
        "Քաղաքի բնակիչները մնացին առանց էլեկտրականության։",
        "Մեքենաների շարասյունը դանդաղ շարժվում էր դեպի սահման։",
    ],
    "az": [
        "Xankəndidə yeni məktəb açıldı.",
        "Nazir bildirdi ki, danışıqlar gələn həftə davam edəcək.",
        "Şəhərin sakinləri işıqsız və qazsız qaldılar.",
        "Maşın karvanı yavaş-yavaş sərhədə doğru hərəkət edirdi.",
    ],
    "tr": [
        "Karabağ'da ateşkes ilan edildi.",
        "Bakan, görüşmelerin gelecek hafta devam edeceğini söyledi.",
        "Şehrin sakinleri elektriksiz ve gazsız kaldı.",
        "Araç konvoyu sınıra doğru yavaşça ilerliyordu.",
    ],
    "ka": [
        "ლტოლვილები სტეფანაკერტიდან გორისში ჩავიდნენ.",
        "მინისტრმა განაცხადა, რომ მოლაპარაკებები გაგრძელდება.",
        "ქალაქის მცხოვრებლები დარჩნენ ელექტროენერგიის გარეშე.",
        "მანქანების კოლონა ნელა მიემართებოდა საზღვრისკენ.",
    ],
    "ar": [
        "وصل اللاجئون إلى المدينة في الليل.",
        "قال الوزير إن المفاوضات ستستمر الأسبوع المقبل.",
        "بقي سكان المدينة بدون كهرباء وغاز.",
        "كانت قافلة السيارات تتحرك ببطء نحو الحدود.",
    ],
    "he": [
        "הפליטים הגיעו לעיר בלילה.",
        "השר אמר שהמשא ומתן יימשך בשבוע הבא.",
        "תושבי העיר נותרו ללא חשמל וגז.",
        "שיירת המכוניות נעה לאט לעבר הגבול.",
    ],
    "en": [
        "Refugees from Stepanakert arrived in Goris.",
        "The minister said the talks would continue next week.",
        "Residents of the city were left without power and gas.",
        "A convoy of cars moved slowly towards the border.",
    ],
}

"""The Dutch titles and descriptions that an editor shows for each block and key of les.yaml (the JSON Schema)."""

from __future__ import annotations

# Why a table and not the models' docstrings: those are written for developers, in English.
BLOCKS: dict[str, tuple[str, str]] = {
    "Les": ("Lesbestand (les.yaml) voor lespakket", "Eén les: lessons/<reeks>/<les-id>/les.yaml. Zie docs/auteurs.md."),
    "Tekst": ("Tekst", "Een tekst, of per doelgroep een andere tekst: 'standaard' plus varianten per doelgroep. "
              "**vet** en _schuin_ mogen erin."),
    "Minutes": ("Minuten", "Een aantal minuten (0 tot 600), of per doelgroep een ander aantal: "
                "{10-12: 15, 12-15: 10}."),
    "Punt": ("Punt", "Een punt in een lijst: een tekst, of een blok met 'tekst' of 'feit' en eventueel 'alleen'."),
    "DoelgroepInstelling": ("Doelgroep van de les", "Hoe lang de les duurt voor deze doelgroep."),
    "Leerdoelen": ("Leerdoelen", "Wat leerlingen na de les weten, kunnen en vinden; elk punt als 'Ik kan ...'."),
    "Fase": ("Fase", "Een fase van de les: introductie, kern of afsluiting, met haar activiteiten."),
    "Activiteit": ("Activiteit", "Een activiteit in de les, met minuten, werkvorm, dia's en opdrachten."),
    "Rol": ("Rol", "Een rol in een rollenspel: wie je speelt ('rol') en wat alleen die speler weet ('tekst'); "
            "komt op een eigen rolkaart."),
    "Bron": ("Bron", "Een bron voor de docent: titel, en eventueel een internetadres en een toelichting."),
    "Begrip": ("Begrip", "Een moeilijk woord met een korte uitleg in gewone woorden; op een dia, op het werkblad "
               "en in de handleiding."),
    "Afbeelding": ("Afbeelding", "Een afbeelding uit de lesmap, met alt-tekst voor wie hem niet kan zien."),
    "Kolom": ("Kolom", "Een kolom van een dia met twee kolommen: een kop en punten."),
    "InhoudDia": ("Dia: inhoud", "Een titel met korte punten."),
    "AfbeeldingDia": ("Dia: afbeelding", "Een titel met een afbeelding."),
    "CitaatDia": ("Dia: citaat", "Een uitspraak, met wie het zegt."),
    "StellingDia": ("Dia: stelling", "Eén stelling; de klas zegt of ze het eens of oneens is."),
    "CasusDia": ("Dia: casus", "Een kort verhaal met vragen."),
    "DiscussieDia": ("Dia: discussie", "Een open vraag voor een gesprek; de luisterpunten ziet alleen de docent."),
    "QuizDia": ("Dia: quiz", "Een vraag met 2 tot 6 opties; daarna een dia met het antwoord."),
    "TweeKolommenDia": ("Dia: twee kolommen", "Twee lijsten naast elkaar, elk met een kop."),
    "GegevensDia": ("Dia: gegevens", "Een dia uit de gedeelde gegevens in assets/data, helemaal of een deel "
                    "('items')."),
    "FeitDia": ("Dia: feit", "Eén feit uit assets/data/feiten.yaml, groot, met de bron eronder."),
    "ChatDia": ("Dia: chat", "Een gesprek zoals op een telefoon: berichten links en rechts, eventueel in delen "
                "die elk op een nieuwe dia beginnen."),
    "Deelnemer": ("Deelnemer", "Wie meedoet aan de chat: een naam en de kant waar de berichten staan."),
    "Bericht": ("Bericht", "Eén bericht: een 'tekst', een 'foto' (in woorden) of 'verwijderd: true'; eventueel met "
                "'tijd'."),
    "ChatDeel": ("Deel van een chat", "Een deel van het gesprek; het begint op een nieuwe dia, onder een eigen kop."),
    "OpenOpdracht": ("Opdracht: open vraag", "Leerlingen schrijven een antwoord."),
    "MeerkeuzeOpdracht": ("Opdracht: meerkeuze", "Leerlingen kruisen het goede antwoord aan (2 tot 8 opties)."),
    "WaarNietWaarOpdracht": ("Opdracht: waar of niet waar", "Leerlingen kruisen bij elke stelling waar of niet "
                             "waar aan."),
    "WaarStelling": ("Stelling (waar of niet waar)", "Een stelling met het goede antwoord."),
    "EensOneensOpdracht": ("Opdracht: eens of oneens", "Leerlingen kruisen bij elke stelling eens of oneens aan."),
    "EensStelling": ("Stelling (eens of oneens)", "Een stelling met aandachtspunten voor de docent."),
    "KoppelOpdracht": ("Opdracht: koppelen", "Leerlingen trekken lijnen; het werkblad husselt de rechterkant."),
    "Paar": ("Paar", "Een paar dat leerlingen koppelen: links en rechts."),
    "InvulOpdracht": ("Opdracht: invullen", "Een tekst met gaten tussen [ ]; leerlingen vullen woorden uit een "
                      "woordbank in."),
    "VolgordeOpdracht": ("Opdracht: volgorde", "Stappen in de goede volgorde (of uit het stappenplan); het "
                         "werkblad husselt ze."),
    "CasusOpdracht": ("Opdracht: casus", "Een verhaal met vragen."),
    "CasusVraag": ("Vraag bij een casus", "Een vraag met een antwoord of aandachtspunten voor de docent."),
    "ReflectieOpdracht": ("Opdracht: reflectie", "Een vraag over jezelf; er is geen fout antwoord."),
    "Terugblik": ("Terugblik", "Twee tot vijf vragen over de leerdoelen, aan het eind van de les: op een dia, het "
                  "werkblad en in het antwoordenblad."),
    "TerugblikVraag": ("Vraag van de terugblik", "Een vraag over een leerdoel, met een antwoord of aandachtspunten."),
}

BLOCK_ITEM = ("Punt als blok", "Een punt met 'tekst' of 'feit' (precies één van de twee), en eventueel 'alleen'.")

# key -> (title, description); a (block, key) entry is for that block only.
KEYS: dict[str | tuple[str, str], tuple[str, str]] = {
    "aandachtspunten": ("Aandachtspunten", "Punten voor de docent bij het bespreken (in de antwoordenversie en de "
                        "handleiding)."),
    "achtergrond": ("Achtergrond", "Alinea's achtergrondinformatie voor de docent."),
    "activiteiten": ("Activiteiten", "De activiteiten van deze fase, minstens één."),
    "afbeelding": ("Afbeelding", "De afbeelding: 'pad' en 'alt' (verplicht), en eventueel een 'bijschrift'."),
    "alleen": ("Alleen voor", "Alleen voor deze doelgroepen, zoals [12-15, 15-18]."),
    "alt": ("Alt-tekst", "Eén zin over wat er te zien is, voor wie de afbeelding niet kan zien. Begin niet met "
            "'Afbeelding van'."),
    "antwoord": ("Antwoord", "Een voorbeeldantwoord voor de antwoordenversie en de handleiding."),
    ("WaarStelling", "antwoord"): ("Antwoord", "Het goede antwoord: 'waar' of 'niet waar'."),
    "begrippen": ("Begrippen", "Moeilijke woorden met een korte uitleg; op een dia na de leerdoelen, op het "
                  "werkblad en in de handleiding."),
    "benodigdheden": ("Benodigdheden", "Wat de docent nodig heeft, zoals een digibord of werkbladen."),
    "bijschrift": ("Bijschrift", "Een korte tekst onder de afbeelding."),
    "bron": ("Bron", "Wie het zegt."),
    ("GegevensDia", "bron"): ("Bron", "Uit welk bestand in assets/data de dia komt."),
    ("VolgordeOpdracht", "bron"): ("Bron", "'sextortie': de stappen en hun volgorde uit assets/data/sextortie.yaml, "
                                   "in plaats van 'stappen'."),
    "bronnen": ("Bronnen", "Bronnen voor de docent."),
    "casus": ("Casus", "Het verhaal dat leerlingen lezen."),
    "chat": ("Chat", "De id van een chat-dia in deze les; het gesprek komt op het werkblad boven de vragen."),
    ("ChatDia", "id"): ("Chat-id", "Een naam voor deze chat (kleine letters, cijfers, streepjes), zodat een casus "
                        "op het werkblad ernaar verwijst met 'chat: <id>'."),
    "deelnemers": ("Deelnemers", "Wie meedoet aan de chat, elk met 'naam' en 'kant'."),
    "berichten": ("Berichten", "De berichten in volgorde, elk met 'van' en een 'tekst', 'foto' of 'verwijderd'."),
    "delen": ("Delen", "Het gesprek in delen; elk deel begint op een nieuwe dia. Gebruik 'berichten' of 'delen'."),
    "naam": ("Naam", "De naam bij de berichten, zoals 'Daan'."),
    "kant": ("Kant", "'links' of 'rechts': aan welke kant van het scherm de berichten staan."),
    "van": ("Van", "De naam van de deelnemer die het bericht stuurt."),
    "foto": ("Foto", "Een foto in het gesprek, in woorden: wat erop staat. De foto zelf staat er niet."),
    "verwijderd": ("Verwijderd", "true: een bericht dat de afzender heeft weggehaald."),
    "tijd": ("Tijd", "Wanneer het bericht kwam, zoals '16:02' of 'gisteren'."),
    "op_werkblad": ("Op het werkblad", "false: het verhaal en de chat staan niet op het werkblad voor leerlingen "
                    "(wel in de antwoordenversie en de handleiding)."),
    "dias": ("Dia's", "De dia's van deze activiteit."),
    "docentnotities": ("Docentnotities", "Komt bij de dia's (notities) en in de handleiding."),
    "doel": ("Doel", "Wat de activiteit moet opleveren (voor de docent)."),
    "doelgroepen": ("Doelgroepen", "Voor welke doelgroepen de les is, elk met de 'duur' in minuten."),
    "duur": ("Duur", "Hoe lang de les duurt, in minuten (5 tot 600). De minuten van de activiteiten tellen op tot "
             "dit getal."),
    "extra_woorden": ("Extra woorden", "Woorden voor de woordbank die in geen gat passen (afleiders)."),
    "fase": ("Fase", "introductie, kern of afsluiting, in die volgorde."),
    "feit": ("Feit", "Een feit uit assets/data/feiten.yaml, met zijn bron."),
    "houding": ("Houding", "Wat leerlingen na de les vinden of willen."),
    "hulplijnen": ("Hulplijnen", "Hulplijnen uit assets/data/hulplijnen.yaml. Zonder deze lijst noemt de les alle "
                   "hulplijnen die bij de doelgroep passen."),
    "id": ("Les-id", "Kleine letters, cijfers en streepjes; gelijk aan de naam van de map."),
    "instructie": ("Instructie", "Wat leerlingen moeten doen."),
    "items": ("Items", "Een deel van de bron: de id's uit het bestand in assets/data. Niet bij 'sextortie'."),
    "juist": ("Juist", "De letter van het goede antwoord (A is de eerste optie), of een lijst zoals [A, C]."),
    "kennis": ("Kennis", "Wat leerlingen na de les weten."),
    "kerndoelen": ("Kerndoelen", "Kerndoelen uit assets/data/kerndoelen.yaml."),
    "kop": ("Kop", "De kop boven de kolom."),
    "leerdoelen": ("Leerdoelen", "Kennis, vaardigheden en houding; elk punt als 'Ik kan ...'."),
    "lesverloop": ("Lesverloop", "De fasen van de les."),
    "links": ("Links", "De linkerkant van het paar."),
    ("TweeKolommenDia", "links"): ("Links", "De linkerkolom: een kop en punten."),
    "luisterpunten": ("Luisterpunten", "Waar de docent op let in het gesprek (alleen in de notities)."),
    "minuten": ("Minuten", "Hoe lang de activiteit duurt (0 tot 600), of per doelgroep: {10-12: 15, 12-15: 10}."),
    "opdrachten": ("Opdrachten", "De opdrachten van deze activiteit, voor het werkblad."),
    "opties": ("Opties", "De antwoorden waaruit leerlingen kiezen; A is de eerste."),
    "optioneel": ("Optioneel", "true als de docent de activiteit mag overslaan."),
    "extra_steun": ("Extra steun", "Een makkelijkere route door de activiteit, voor wie meer hulp nodig heeft (in de handleiding)."),
    "extra_uitdaging": ("Extra uitdaging", "Een moeilijkere route, voor wie sneller klaar is (in de handleiding)."),
    "pad": ("Pad", "Waar de afbeelding staat, vanaf de lesmap, zoals beeld/foto.png."),
    "paren": ("Paren", "Minstens twee paren."),
    "pictogram": ("Pictogram", "Een pictogram uit assets/pictogrammen naast de tekst, in plaats van het gewone bij "
                  "deze soort dia; 'geen' voor een dia zonder pictogram."),
    "punten": ("Punten", "Korte punten, elk op een regel die begint met '- '."),
    "rechts": ("Rechts", "De rechterkant van het paar; het werkblad husselt ze."),
    ("TweeKolommenDia", "rechts"): ("Rechts", "De rechterkolom: een kop en punten."),
    "reeks": ("Reeks", "De reeks: gelijk aan de naam van de map boven de lesmap; de titel staat in "
              "assets/data/reeksen.yaml."),
    "regels": ("Regels", "Hoeveel schrijfregels leerlingen krijgen (1 tot 30)."),
    "rol": ("Rol", "Wie je speelt, zoals 'Nadia (13)' of 'De observant'; de kop van de rolkaart."),
    "rollen": ("Rollen", "De rollen van een rollenspel, elk met 'rol' en 'tekst'; elke rol komt op een eigen "
               "rolkaart (rolkaarten.pdf, A6) om uit te knippen, en in de handleiding."),
    ("Rol", "tekst"): ("Tekst", "Wat alleen deze speler weet en hoe hij of zij speelt. De anderen zien deze tekst "
                       "niet."),
    "samenvatting": ("Samenvatting", "Twee of drie zinnen; komt in de catalogus en de handleiding."),
    "soort": ("Soort", "Welke soort dia of opdracht dit is."),
    "stappen": ("Stappen", "De stappen in de goede volgorde, minstens twee."),
    "stelling": ("Stelling", "De stelling."),
    "stellingen": ("Stellingen", "De stellingen, minstens één."),
    "tekst": ("Tekst", "De tekst."),
    ("InvulOpdracht", "tekst"): ("Tekst", "De tekst met elk gat tussen [ ], zoals 'Bel bij gevaar [112].'"),
    ("Punt", "tekst"): ("Tekst", "De tekst van het punt."),
    "term": ("Term", "Het woord, zoals 'uitbuiter'."),
    "titel": ("Titel", "De titel."),
    "toelichting": ("Toelichting", "Waarom deze bron nuttig is."),
    "uitleg": ("Uitleg", "Uitleg bij het goede antwoord."),
    ("Begrip", "uitleg"): ("Uitleg", "Korte uitleg in gewone woorden; mag per doelgroep anders zijn."),
    ("VolgordeOpdracht", "uitleg"): ("Uitleg", "Uitleg bij de goede volgorde."),
    "url": ("Internetadres", "Het adres van de bron."),
    "vaardigheden": ("Vaardigheden", "Wat leerlingen na de les kunnen."),
    "voorbereiding": ("Voorbereiding", "Wat de docent vooraf doet."),
    "vraag": ("Vraag", "De vraag."),
    "vragen": ("Vragen", "Vragen bij het verhaal."),
    ("Terugblik", "vragen"): ("Vragen", "Twee tot vijf vragen over de leerdoelen van de les."),
    ("Terugblik", "minuten"): ("Minuten", "Hoe lang de terugblik duurt; telt mee in de duur van de les."),
    "terugblik": ("Terugblik", "De vragen waarmee de les terugkijkt op de leerdoelen."),
    "werkvorm": ("Werkvorm", "Bijvoorbeeld klassengesprek of in tweetallen."),
}

IDS: dict[str, tuple[str, str]] = {
    "Doelgroep": ("Doelgroep", "Een doelgroep uit assets/data/doelgroepen.yaml."),
    "Hulplijn": ("Hulplijn", "Een hulplijn uit assets/data/hulplijnen.yaml."),
    "Kerndoel": ("Kerndoel", "Een kerndoel uit assets/data/kerndoelen.yaml."),
    "Feit": ("Feit", "Een feit uit assets/data/feiten.yaml, met bron, reikwijdte en jaar."),
    "Pictogram": ("Pictogram", "Een pictogram uit assets/pictogrammen/pictogrammen.yaml, of 'geen'."),
    "EnkeleTekst": ("Tekst", "Een tekst. Begint hij met { of *, of staat er ': ' of ' #' in, zet hem dan tussen "
                    "rechte aanhalingstekens (\")."),
    "TekstPerDoelgroep": ("Tekst per doelgroep", "'standaard' voor elke doelgroep zonder eigen variant, plus een "
                          "variant per doelgroep (de id's uit doelgroepen.yaml)."),
}

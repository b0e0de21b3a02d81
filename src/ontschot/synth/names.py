"""Common Dutch first and last names, combined at random into people who do not exist.

The lists are facts (names that are frequent in the Netherlands, including names common
among Dutch people of Turkish, Moroccan, Surinamese and Polish descent), written down from
general knowledge; no register or person was copied. A random first name with a random
last name gives a plausible person; any match with a real person is coincidence, and no
other real attribute (address, birth date, BSN) is ever attached.
"""

from __future__ import annotations

FIRST_NAMES_FEMALE: tuple[str, ...] = (
    "Anna", "Emma", "Sophie", "Julia", "Lisa", "Sanne", "Lotte", "Eva", "Fleur", "Anouk",
    "Iris", "Laura", "Femke", "Linda", "Monique", "Marieke", "Esther", "Petra", "Ingrid",
    "Marja", "Annemarie", "Janneke", "Kim", "Manon", "Nicole", "Sandra", "Wendy", "Yvonne",
    "Bianca", "Chantal", "Daniëlle", "Ilse", "Judith", "Mirjam", "Renate", "Saskia",
    "Tamara", "Hilde", "Gerda", "Riek", "Truus", "Joke", "Ans", "Wilma", "Hennie", "Dinie",
    "Fatima", "Samira", "Nadia", "Yasmina", "Elif", "Zeynep", "Ayşe", "Merve", "Shanti",
    "Priya", "Agnieszka", "Katarzyna", "Magdalena", "Olga", "Noor", "Mila", "Tess", "Zoë",
    "Roos", "Lieke", "Britt", "Demi", "Maud", "Nina", "Evi", "Merel", "Amber", "Romy",
)

FIRST_NAMES_MALE: tuple[str, ...] = (
    "Jan", "Pieter", "Kees", "Henk", "Gerrit", "Johan", "Bert", "Wim", "Hans", "Erik",
    "Marco", "Dennis", "Patrick", "Robert", "Richard", "Martijn", "Jeroen", "Bas", "Tim",
    "Thomas", "Daan", "Lucas", "Sem", "Bram", "Ruben", "Stijn", "Niels", "Sander", "Mark",
    "Mike", "Kevin", "Jeffrey", "Ronald", "Frank", "Gert-Jan", "Harm", "Herman", "Gerard",
    "Bennie", "Jos", "Tonnie", "Jurgen", "Rik", "Wouter", "Joost", "Koen", "Thijs", "Jesse",
    "Mohamed", "Ahmed", "Youssef", "Said", "Mustafa", "Mehmet", "Emre", "Hakan", "Murat",
    "Burak", "Ravi", "Anand", "Piotr", "Tomasz", "Krzysztof", "Marek", "Daniel", "Luuk",
    "Finn", "Milan", "Noah", "Levi", "Teun", "Jelle", "Gijs", "Hidde", "Ramon", "Nick",
)

LAST_NAMES: tuple[str, ...] = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
    "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
    "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
    "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
    "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin",
    "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven",
    "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom",
    "Huisman", "Peeters", "de Jonge", "Kuipers", "van Veen", "Post", "Kuiper", "Veenstra",
    "Kramer", "van den Brink", "Scholten", "van Wijk", "Postma", "Martens", "Vink",
    "de Ridder", "van de Pol", "Nijhuis", "Kamphuis", "Brinkman", "Wessels", "Nijland",
    "Lammerink", "Oude Nijhuis", "Hofman", "Pots", "Leferink", "Bosch", "Wolters",
    "Mensink", "Kemperman", "Ter Horst", "Ten Dam", "Olthof", "Meulenbelt", "Haverkamp",
    "Klein Gunnewiek", "Tijhuis", "Roelofs", "Scholte", "Hulshof", "Morsink", "Aalders",
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın",
    "El Amrani", "Bouzid", "El Idrissi", "Benali", "Ouali", "Ait Haddou",
    "Ramdin", "Sewnath", "Jagesar", "Kartodikromo", "Nowak", "Kowalski", "Wiśniewski",
    "Lewandowski", "Nguyen", "Tran",
)

STREET_FREE_DOMAIN = "example.com"  # RFC 2606: reserved, never a real mailbox

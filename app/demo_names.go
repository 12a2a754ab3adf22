package app

// Fictitious names for the demo data: common French first names and
// surnames combined at random; no real person is described.
var demoNoms = []string{
	"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
	"Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
	"Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André",
	"Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
	"Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
	"Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
	"Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
	"Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
	"Benali", "Traoré", "Diallo", "Nguyen", "Haddad", "Mendes", "Pereira", "Kone", "Cissé", "Ferreira",
}

var demoPrenomsF = []string{
	"Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine", "Christine", "Valérie", "Céline", "Sophie",
	"Aurélie", "Julie", "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Jade", "Louise",
	"Fatima", "Aïcha", "Mariam", "Awa", "Amina", "Hélène", "Françoise", "Monique", "Nadia", "Yasmine",
}

var demoPrenomsM = []string{
	"Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Patrick", "Laurent", "Frédéric",
	"Julien", "Thomas", "Kevin", "Lucas", "Hugo", "Louis", "Gabriel", "Adam", "Raphaël", "Arthur",
	"Mohamed", "Karim", "Moussa", "Mamadou", "Youssef", "Antoine", "François", "Éric", "Olivier", "Sébastien",
}

var demoRues = []string{
	"rue des Lilas", "avenue de la République", "rue Jean Jaurès", "allée des Tilleuls", "rue Pasteur",
	"boulevard de Stalingrad", "rue Victor Hugo", "place du Marché", "rue des Écoles", "avenue Paul Vaillant-Couturier",
	"rue de la Convention", "allée des Peupliers", "rue Émile Zola", "sentier des Vignes", "rue du Moulin",
	"avenue Aristide Briand", "rue des Jardins", "cours de la Gare", "rue Gabriel Péri", "allée des Cèdres",
}

var demoResidences = []string{
	"Les Tilleuls", "Le Parc", "Les Lilas", "La Convention", "Les Vignes", "Le Moulin", "Les Jardins",
	"La Source", "Les Cèdres", "Le Plateau", "Les Hautes Bornes", "La Plaine", "Les Peupliers", "Le Coteau",
	"Les Glycines", "La Bièvre", "Les Acacias", "Le Mail", "Les Saules", "La Fontaine",
}

var demoMotifs = []string{
	"Logement trop petit", "Sans logement, hébergé par un tiers", "Décohabitation", "Rapprochement du lieu de travail",
	"Logement trop cher", "Problème de santé, logement inadapté", "Divorce ou séparation", "Logement insalubre",
	"Violences familiales", "Sortie d'hébergement", "Regroupement familial", "Logement trop grand",
}

var demoContingents = []string{"bailleur", "bailleur", "bailleur", "bailleur", "préfecture", "préfecture", "préfecture",
	"Action Logement", "Action Logement", "commune"}

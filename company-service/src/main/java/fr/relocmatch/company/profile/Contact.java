package fr.relocmatch.company.profile;

/** Personal data of the company's contact: advisers see it through the API; it is never published. */
record Contact(String name, String email, String phone) {
}

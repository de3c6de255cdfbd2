package fr.relocmatch.reference;

/** A code that is not in the shipped vocabulary, or that is ambiguous there. */
public class UnknownReferenceException extends RuntimeException {

    public UnknownReferenceException(String message) {
        super(message);
    }
}

package org.sipas.planning;

import org.sipas.web.CheckedFile;

/**
 * A file attached to a task, accepted only when it is what it says ({@link CheckedFile}, the one rule
 * of uploaded files): one of the office kinds a plan's follow-up holds (PDF, Word, Excel,
 * OpenDocument, PNG, JPEG), its bytes beginning as that kind does, no larger than the limit.
 */
record AttachedFile(String fileName, String contentType, byte[] content) {

    /**
     * The file checked.
     *
     * @throws org.springframework.web.server.ResponseStatusException 422 naming the file and what is wrong
     */
    static AttachedFile checked(String originalName, byte[] content, long maxBytes) {
        CheckedFile file = CheckedFile.checked(originalName, content, maxBytes, CheckedFile.OFFICE_AND_IMAGES);
        return new AttachedFile(file.fileName(), file.contentType(), file.content());
    }
}

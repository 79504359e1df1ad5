package dev.softmaxexplorer.site;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code softmax-explorer-scorm.zip}: the single file as a SCORM 1.2 package, what Moodle, Canvas,
 * Blackboard and most learning management systems import. One SCO, the single file, which finds
 * the LMS's API itself ({@code LearningSystem} in the web module); its mastery score is the quiz's
 * pass mark, so an LMS that judges passed or failed itself agrees with the page.
 */
final class ScormPackage {
    static final String SCO = "softmax-explorer.html";
    /** The quiz's pass mark in percent, {@code Score.MASTERY_PERCENT} in the web module. */
    static final int MASTERY_SCORE = 80;

    private ScormPackage() {
    }

    static String manifest() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="softmax-explorer" version="1.0"
                    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd \
                http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd \
                http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
                  <metadata>
                    <schema>ADL SCORM</schema>
                    <schemaversion>1.2</schemaversion>
                  </metadata>
                  <organizations default="softmax-explorer-course">
                    <organization identifier="softmax-explorer-course">
                      <title>Softmax Explorer</title>
                      <item identifier="softmax-explorer-item" identifierref="softmax-explorer-sco">
                        <title>Softmax Explorer: logits, temperature, cross-entropy</title>
                        <adlcp:masteryscore>%d</adlcp:masteryscore>
                      </item>
                    </organization>
                  </organizations>
                  <resources>
                    <resource identifier="softmax-explorer-sco" type="webcontent" adlcp:scormtype="sco" href="%s">
                      <file href="%s"/>
                    </resource>
                  </resources>
                </manifest>
                """.formatted(MASTERY_SCORE, SCO, SCO);
    }

    /** Writes the package, with fixed timestamps so that two builds of one commit give the same bytes. */
    static void write(Path singleFile, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "imsmanifest.xml", manifest().getBytes(StandardCharsets.UTF_8));
            entry(zip, SCO, Files.readAllBytes(singleFile));
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(Assembler.ZIP_TIME);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}

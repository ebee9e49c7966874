package org.sipas.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;

import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.CurrentUsers;
import org.sipas.methodology.Methodologies;
import org.sipas.web.Formats;
import org.sipas.web.ImportErrors;
import org.sipas.web.ImportRejectedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The managers' pages of open surveys: the list with the create form ({@code /open-surveys}) and
 * one survey ({@code /open-surveys/{id}}) with its public link, its invited list and upload, and
 * its start and close. Actions post and redirect, so a reload repeats nothing.
 */
@Controller
class OpenCampaignPages {

    private static final String LIST = "campaign/open-surveys";
    private static final String ONE = "campaign/open-survey";

    private final OpenCampaigns open;
    private final Campaigns campaigns;
    private final Methodologies methodologies;
    private final CatalogCodes catalog;
    private final CurrentUsers users;
    private final ImportErrors importErrors;

    OpenCampaignPages(OpenCampaigns open, Campaigns campaigns, Methodologies methodologies, CatalogCodes catalog,
                      CurrentUsers users, ImportErrors importErrors) {
        this.open = open;
        this.campaigns = campaigns;
        this.methodologies = methodologies;
        this.catalog = catalog;
        this.users = users;
        this.importErrors = importErrors;
    }

    @GetMapping("/open-surveys")
    @PreAuthorize(CampaignApi.READERS)
    String list(Model model) {
        model.addAttribute("surveys", open.visible());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", OpenCampaignForm.defaults(catalog.unit(users.current().scopeUnitId()).code(),
                    LocalDate.now(Formats.ZONE)));
        }
        model.addAttribute("methodologyChoices", methodologies.all());
        model.addAttribute("mayManage", campaigns.mayManage());
        return LIST;
    }

    @PostMapping("/open-surveys")
    @PreAuthorize(CampaignApi.MANAGERS)
    String create(@ModelAttribute OpenCampaignForm form, RedirectAttributes redirect) {
        try {
            return "redirect:/open-surveys/" + open.create(form);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("form", form);
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/open-surveys";
        }
    }

    @GetMapping("/open-surveys/{id}")
    @PreAuthorize(CampaignApi.READERS)
    String survey(@PathVariable long id, Model model) {
        OpenCampaign survey = open.get(id);
        model.addAttribute("survey", survey);
        model.addAttribute("scope", catalog.unit(survey.scopeUnitId()));
        model.addAttribute("invitees", open.invitees(id));
        model.addAttribute("mayManage", campaigns.mayManage());
        model.addAttribute("link", "/s/open/" + id);
        return ONE;
    }

    @PostMapping("/open-surveys/{id}/start")
    @PreAuthorize(CampaignApi.MANAGERS)
    String start(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, "start", redirect);
    }

    @PostMapping("/open-surveys/{id}/close")
    @PreAuthorize(CampaignApi.MANAGERS)
    String close(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, "close", redirect);
    }

    private String act(long id, String action, RedirectAttributes redirect) {
        try {
            if (action.equals("start")) {
                open.start(id);
            } else {
                open.close(id);
            }
            redirect.addFlashAttribute("done", "open.done." + action);
        } catch (CampaignConflict | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/open-surveys/" + id;
    }

    @PostMapping("/open-surveys/{id}/invitees")
    @PreAuthorize(CampaignApi.MANAGERS)
    String invitees(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                    @RequestParam(required = false) String encoding, Locale locale, RedirectAttributes redirect) {
        open.get(id);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "open.invitees.noFile");
            return "redirect:/open-surveys/" + id;
        }
        try (InputStream input = file.getInputStream()) {
            redirect.addFlashAttribute("added", open.importInvitees(id, file.getOriginalFilename() == null ? "invitees.csv"
                    : file.getOriginalFilename(), input, encoding));
            redirect.addFlashAttribute("done", "open.done.invitees");
        } catch (ImportRejectedException rejected) {
            redirect.addFlashAttribute("errors", importErrors.show(rejected, locale));
        } catch (CampaignConflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/open-surveys/" + id;
    }
}

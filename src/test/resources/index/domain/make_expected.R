# Figures for the cross-stratum domain test of the index engine, computed independently with R's
# survey package. Run once from this folder: Rscript make_expected.R
# It writes the data (responses.csv, frame_sizes.csv, index_tree.csv, in the layout of the
# estimation fixture plus a `channel` column that cuts across strata) and the figures:
#   expected_channel.csv  one domain per channel, svyby subpopulations (domain_kind = channel)
#   expected.csv          the nation, each province and each unit
# The data has a domain absent from some strata (post), a stratum of one response (U03), a
# census stratum (U02: 12 responses of 12 dossiers), a criterion without a valid answer in a
# domain (c6 in post), weighted criteria (E2) and a weighted overall index.
suppressPackageStartupMessages(library(survey))
# A stratum of one response stops R under the default "fail"; a statistics office sets "adjust"
# (the lone unit's weighted value is a deviation from zero), and so does the engine.
options(survey.lonely.psu = "adjust")
set.seed(15)

frame <- data.frame(unit = c("U01", "U02", "U03", "U04", "U05"),
                    province = c("P1", "P1", "P1", "P2", "P2"),
                    N_h = c(500, 12, 300, 2000, 800))
sizes <- c(U01 = 30, U02 = 12, U03 = 1, U04 = 40, U05 = 25)
# how satisfied each unit's users are: the stratification matters
level <- c(U01 = 0.75, U02 = 0.55, U03 = 0.9, U04 = 0.62, U05 = 0.82)
criteria <- paste0("c", 1:6)
tree <- data.frame(criterion = criteria, element = c("E1", "E1", "E1", "E2", "E2", "E2"),
                   weight = c(1, 1, 1, 2, 1, 1), element_weight = c(0.6, 0.6, 0.6, 0.4, 0.4, 0.4))

rows <- list()
for (u in frame$unit) {
  n <- sizes[[u]]
  channel <- if (u %in% c("U04", "U05")) {
    sample(c("counter", "online", "phone", "post"), n, replace = TRUE, prob = c(0.4, 0.25, 0.2, 0.15))
  } else if (u == "U03") "online" else sample(c("counter", "online", "phone"), n, replace = TRUE)
  answers <- matrix(sapply(seq_along(criteria), function(k) {
    p <- level[[u]] - 0.04 * k
    a <- ifelse(runif(n) < p, sample(4:5, n, replace = TRUE), sample(1:3, n, replace = TRUE))
    a[runif(n) < 0.08] <- 9
    a[runif(n) < 0.05] <- 0
    a
  }), nrow = n, dimnames = list(NULL, criteria))
  rows[[u]] <- data.frame(response_id = sprintf("%s-%03d", u, seq_len(n)), unit = u,
                          province = frame$province[frame$unit == u], channel = channel, answers,
                          check.names = FALSE)
}
responses <- do.call(rbind, rows)
# c6 has no valid answer by post: it leaves E2's weighted mean there
responses$c6[responses$channel == "post"] <- sample(c(0, 9), sum(responses$channel == "post"), replace = TRUE)
rownames(responses) <- NULL

write.csv(responses, "responses.csv", row.names = FALSE, quote = FALSE)
write.csv(frame, "frame_sizes.csv", row.names = FALSE, quote = FALSE)
write.csv(tree, "index_tree.csv", row.names = FALSE, quote = FALSE)

data <- merge(responses, frame[, c("unit", "N_h")], by = "unit", sort = FALSE)
for (k in criteria) {
  data[[paste0("x_", k)]] <- as.numeric(data[[k]] %in% 1:5)
  data[[paste0("y_", k)]] <- as.numeric(data[[k]] %in% 4:5)
}
design <- svydesign(ids = ~1, strata = ~unit, fpc = ~N_h, data = data)
z <- qnorm(0.975)

# The criteria, elements and overall index of one domain (a subset of the design: as svyby does,
# the strata keep their whole sample and the responses outside the domain weigh zero).
figures <- function(kind, domain, sub, rows) {
  present <- criteria[sapply(criteria, function(k) sum(rows[[paste0("x_", k)]]) > 0)]
  unweighted <- sapply(criteria, function(k) 100 * sum(rows[[paste0("y_", k)]]) / sum(rows[[paste0("x_", k)]]))
  ratio <- svyratio(as.formula(paste("~", paste0("y_", present, collapse = "+"))),
                    as.formula(paste("~", paste0("x_", present, collapse = "+"))), sub, covmat = TRUE)
  names <- paste0("y_", present, "/x_", present)
  out <- data.frame()
  add <- function(level, index, coefficients, unweighted_pct) {
    if (length(coefficients) == 0) {
      out <<- rbind(out, data.frame(domain_kind = kind, domain = domain, level = level, index = index,
                                    n = nrow(rows), unweighted_pct = NA, estimate_pct = NA, se_pct = NA,
                                    ci95_low = NA, ci95_high = NA))
      return(invisible())
    }
    contrast <- svycontrast(ratio, list(setNames(coefficients, paste0("y_", names(coefficients), "/x_",
                                                                      names(coefficients)))))
    est <- 100 * coef(contrast)[[1]]
    se <- 100 * SE(contrast)[[1]]
    out <<- rbind(out, data.frame(domain_kind = kind, domain = domain, level = level, index = index,
                                  n = nrow(rows), unweighted_pct = unweighted_pct, estimate_pct = est, se_pct = se,
                                  ci95_low = est - z * se, ci95_high = est + z * se))
  }
  for (k in criteria) {
    if (k %in% present) add("criterion", k, setNames(1, k), unweighted[[k]]) else add("criterion", k, numeric(0), NA)
  }
  # an element: its weighted mean over the criteria that have a value, weights renormalised
  element <- list()
  for (e in unique(tree$element)) {
    members <- tree$criterion[tree$element == e & tree$criterion %in% present]
    w <- tree$weight[match(members, tree$criterion)]
    element[[e]] <- setNames(w / sum(w), members)
    add("element", e, element[[e]], sum(element[[e]] * unweighted[members]))
  }
  ew <- tree$element_weight[match(names(element), tree$element)]
  ew <- ew / sum(ew)
  overall <- c()
  for (i in seq_along(element)) {
    for (k in names(element[[i]])) overall[k] <- sum(overall[k], ew[i] * element[[i]][[k]], na.rm = TRUE)
  }
  unweighted_elements <- sapply(names(element), function(e) sum(element[[e]] * unweighted[names(element[[e]])]))
  add("overall", "SIPAS", overall[present[present %in% names(overall)]], sum(ew * unweighted_elements))
  out
}

# The criteria by channel straight from svyby, to check the subsets give what svyby gives.
for (k in criteria) {
  by <- svyby(as.formula(paste0("~y_", k)), ~channel, design, svyratio,
              denominator = as.formula(paste0("~x_", k)), na.rm.all = TRUE)
  for (d in rownames(by)) {
    rows <- data[data$channel == d, ]
    if (sum(rows[[paste0("x_", k)]]) == 0) next
    r <- svyratio(as.formula(paste0("~y_", k)), as.formula(paste0("~x_", k)), subset(design, channel == d))
    stopifnot(isTRUE(all.equal(coef(r)[[1]], by[d, 2], tolerance = 1e-12)),
              isTRUE(all.equal(SE(r)[[1]], by[d, 3], tolerance = 1e-12)))
  }
}

channel <- do.call(rbind, lapply(sort(unique(data$channel)), function(d)
  figures("channel", d, subset(design, channel == d), data[data$channel == d, ])))
write.csv(channel, "expected_channel.csv", row.names = FALSE, quote = FALSE)

standard <- rbind(figures("nation", "VN", design, data),
                  do.call(rbind, lapply(unique(frame$province), function(p)
                    figures("province", p, subset(design, province == p), data[data$province == p, ]))),
                  do.call(rbind, lapply(frame$unit, function(u)
                    figures("unit", u, subset(design, unit == u), data[data$unit == u, ]))))
write.csv(standard, "expected.csv", row.names = FALSE, quote = FALSE)

# What R does with the one-response stratum under its default: it stops.
options(survey.lonely.psu = "fail")
failed <- tryCatch({ svyratio(~y_c1, ~x_c1, design); FALSE }, error = function(e) TRUE)
stopifnot(failed)

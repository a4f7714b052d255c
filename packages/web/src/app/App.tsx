import "@minhbach/domain/api/zod-vi";
import { Button, MantineProvider, Paper, Text, Title } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import dayjs from "dayjs";
import "dayjs/locale/vi";
import { lazy, Suspense } from "react";
import { BrowserRouter, Link, Route, Routes } from "react-router-dom";
import { ApiError } from "../api/client.ts";
import { RequireAuth, RequirePermission, CHANGE_PASSWORD_PATH, LOGIN_PATH } from "../features/auth/RequireAuth.tsx";
import { SessionProvider } from "../features/auth/session.tsx";
import { AppLayout } from "../features/shell/AppLayout.tsx";
import { PATHS, WORK_NAV } from "../features/shell/nav.ts";
import { SHELL_TEXT } from "../features/shell/text.ts";
import { LoadingBlock } from "../ui/QueryState.tsx";
import { cssVariablesResolver, theme } from "./theme.ts";
import { DASHBOARD_PATH } from "../features/reports/dashboard/path.ts";

dayjs.locale("vi");

const LoginPage = lazy(() => import("../features/auth/LoginPage.tsx"));
const ChangePasswordPage = lazy(() => import("../features/auth/ChangePasswordPage.tsx"));
const HomePage = lazy(() => import("../features/dashboard/HomePage.tsx"));
const ComingSoonPage = lazy(() => import("../features/coming-soon/ComingSoonPage.tsx"));
// anticorruption
const AnticorruptionPage = lazy(() => import("../features/anticorruption/AnticorruptionPage.tsx"));
// periodic reports (issue 19)
const ReportsPage = lazy(() => import("../features/reports/ReportsPage.tsx"));
// public consultation on draft regulations (issue 20)
const ConsultationsPage = lazy(() => import("../features/consultations/ConsultationsPage.tsx"));
const ConsultationPage = lazy(() => import("../features/consultations/ConsultationPage.tsx"));
const AgenciesPage = lazy(() => import("../features/agencies/AgenciesPage.tsx"));
const UsersPage = lazy(() => import("../features/users/UsersPage.tsx"));
const AuditPage = lazy(() => import("../features/audit/AuditPage.tsx"));
const CalendarPage = lazy(() => import("../features/calendar/CalendarPage.tsx"));
const DeadlineCalculatorPage = lazy(() => import("../features/deadlines/DeadlineCalculatorPage.tsx"));
const PetitionsPage = lazy(() => import("../features/petitions/PetitionsPage.tsx"));
const PetitionIntakePage = lazy(() => import("../features/petitions/PetitionIntakePage.tsx"));
const PetitionPage = lazy(() => import("../features/petitions/PetitionPage.tsx"));
const FieldCatalogPage = lazy(() => import("../features/petitions/FieldCatalogPage.tsx"));
const ReceptionPage = lazy(() => import("../features/reception/ReceptionPage.tsx"));
const VisitFormPage = lazy(() => import("../features/reception/VisitFormPage.tsx"));
const VisitPage = lazy(() => import("../features/reception/VisitPage.tsx"));
const CasesPage = lazy(() => import("../features/cases/CasesPage.tsx"));
const CasePage = lazy(() => import("../features/cases/CasePage.tsx"));
const IdentityRequestsPage = lazy(() => import("../features/cases/IdentityRequestsPage.tsx"));
// Inspection plans, subjects and overlaps (issue 17).
const PlansPage = lazy(() => import("../features/inspections/plans/PlansPage.tsx"));
const PlanPage = lazy(() => import("../features/inspections/plans/PlanPage.tsx"));
const OverlapBoardPage = lazy(() => import("../features/inspections/plans/OverlapBoardPage.tsx"));
const SubjectsPage = lazy(() => import("../features/inspections/subjects/SubjectsPage.tsx"));
// inspections (issue 17)
const InspectionsPage = lazy(() => import("../features/inspections/record/InspectionsPage.tsx"));
const InspectionPage = lazy(() => import("../features/inspections/record/InspectionPage.tsx"));
const FollowUpPage = lazy(() => import("../features/inspections/follow-up/FollowUpPage.tsx"));
// portal publications and Q&A (issue 20)
const PublicationsPage = lazy(() => import("../features/portal/PublicationsPage.tsx"));
const FaqPage = lazy(() => import("../features/portal/FaqPage.tsx"));
const PortalHubPage = lazy(() => import("../features/portal/PortalHubPage.tsx"));
// reporting graph (issue 19)
const ReportingLinesPage = lazy(() => import("../features/reports/ReportingLinesPage.tsx"));
// portal survey results (issue 20)
const SurveyResultsPage = lazy(() => import("../features/portal/SurveyResultsPage.tsx"));
// reports dashboard with charts (issue 19): @mantine/charts only in this lazy chunk
const ReportDashboardPage = lazy(() => import("../features/reports/dashboard/DashboardPage.tsx"));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Errors the user must act on (no permission, no session) are not retried.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

function NotFound() {
  return (
    <Paper withBorder p="lg" maw={640}>
      <Title order={1} fz="h3" mb="sm">
        {SHELL_TEXT.notFoundTitle}
      </Title>
      <Text mb="md">{SHELL_TEXT.notFoundBody}</Text>
      <Button component={Link} to="/">
        {SHELL_TEXT.backHome}
      </Button>
    </Paper>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <DatesProvider settings={{ locale: "vi", firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider>
              <Suspense fallback={<LoadingBlock />}>
                <Routes>
                  <Route path={LOGIN_PATH} element={<LoginPage />} />
                  <Route
                    element={
                      <RequireAuth>
                        <AppLayout />
                      </RequireAuth>
                    }
                  >
                    <Route index element={<HomePage />} />
                    <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
                    {WORK_NAV.filter((item) => item.comingSoon).map((item) => (
                      <Route key={item.path} path={item.path} element={<ComingSoonPage />} />
                    ))}
                    <Route
                      path={PATHS.agencies}
                      element={
                        <RequirePermission permission="agency.read">
                          <AgenciesPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path={PATHS.users}
                      element={
                        <RequirePermission permission="user.read">
                          <UsersPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path={PATHS.audit}
                      element={
                        <RequirePermission permission="audit.read">
                          <AuditPage />
                        </RequirePermission>
                      }
                    />
                    {[PATHS.calendar, `${PATHS.calendar}/:year`].map((path) => (
                      <Route
                        key={path}
                        path={path}
                        element={
                          <RequirePermission permission="calendar.read">
                            <CalendarPage />
                          </RequirePermission>
                        }
                      />
                    ))}
                    <Route
                      path={PATHS.petitionFields}
                      element={
                        <RequirePermission permission="agency.manage">
                          <FieldCatalogPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path={PATHS.deadlines}
                      element={
                        <RequirePermission permission="deadline.compute">
                          <DeadlineCalculatorPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path={PATHS.petitions}
                      element={
                        <RequirePermission permission="petition.read">
                          <PetitionsPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path={`${PATHS.petitions}/tiep-nhan`}
                      element={
                        <RequirePermission permission="petition.write">
                          <PetitionIntakePage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path={`${PATHS.petitions}/:id`}
                      element={
                        <RequirePermission permission="petition.read">
                          <PetitionPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path={PATHS.reception}
                      element={
                        <RequirePermission permission="reception.read">
                          <ReceptionPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path={`${PATHS.reception}/tiep-moi`}
                      element={
                        <RequirePermission permission="reception.write">
                          <VisitFormPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path={`${PATHS.reception}/:id/sua`}
                      element={
                        <RequirePermission permission="reception.write">
                          <VisitFormPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path={`${PATHS.reception}/:id`}
                      element={
                        <RequirePermission permission="reception.read">
                          <VisitPage />
                        </RequirePermission>
                      }
                    />
                    {(["complaint", "denunciation"] as const).map((kind) => {
                      const base = kind === "complaint" ? PATHS.complaints : PATHS.denunciations;
                      return [
                        <Route
                          key={base}
                          path={base}
                          element={
                            <RequirePermission permission="case.read">
                              <CasesPage key={kind} kind={kind} />
                            </RequirePermission>
                          }
                        />,
                        <Route
                          key={`${base}/:id`}
                          path={`${base}/:id`}
                          element={
                            <RequirePermission permission="case.read">
                              <CasePage kind={kind} />
                            </RequirePermission>
                          }
                        />,
                      ];
                    })}
                    <Route
                      path={PATHS.identityRequests}
                      element={
                        <RequirePermission permission="case.approve_reveal">
                          <IdentityRequestsPage />
                        </RequirePermission>
                      }
                    />
                    {/* Inspection plans, subjects and overlaps (issue 17). */}
                    <Route
                      path="/ke-hoach-thanh-tra"
                      element={
                        <RequirePermission permission="inspection.read">
                          <PlansPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="/ke-hoach-thanh-tra/doi-tuong"
                      element={
                        <RequirePermission permission="inspection.read">
                          <SubjectsPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="/ke-hoach-thanh-tra/trung-lap"
                      element={
                        <RequirePermission permission="inspection.read">
                          <OverlapBoardPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="/ke-hoach-thanh-tra/:id"
                      element={
                        <RequirePermission permission="inspection.read">
                          <PlanPage />
                        </RequirePermission>
                      }
                    />
                    {/* inspections (issue 17) */}
                    <Route
                      path={PATHS.inspections}
                      element={
                        <RequirePermission permission="inspection.read">
                          <InspectionsPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path={`${PATHS.inspections}/theo-doi`}
                      element={
                        <RequirePermission permission="inspection.read">
                          <FollowUpPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path={`${PATHS.inspections}/:id`}
                      element={
                        <RequirePermission permission="inspection.read">
                          <InspectionPage />
                        </RequirePermission>
                      }
                    />
                    {/* anticorruption */}
                    <Route path={PATHS.anticorruption} element={<AnticorruptionPage />} />
                    <Route path={PATHS.portal} element={<PortalHubPage />} />
                    {/* periodic reports (issue 19) */}
                    <Route
                      path={PATHS.reports}
                      element={
                        <RequirePermission permission="report.read">
                          <ReportsPage />
                        </RequirePermission>
                      }
                    />
                    {/* public consultation on draft regulations (issue 20) */}
                    <Route
                      path={PATHS.consultations}
                      element={
                        <RequirePermission permission="consultation.manage">
                          <ConsultationsPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path={`${PATHS.consultations}/:id`}
                      element={
                        <RequirePermission permission="consultation.manage">
                          <ConsultationPage />
                        </RequirePermission>
                      }
                    />
                    {/* portal publications and Q&A (issue 20) */}
                    <Route
                      path="/cong-khai-ket-qua"
                      element={
                        <RequirePermission permission="document.read">
                          <PublicationsPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="/hoi-dap-cong-dan"
                      element={
                        <RequirePermission permission="reception.write">
                          <FaqPage />
                        </RequirePermission>
                      }
                    />
                    {/* reporting graph (issue 19) */}
                    <Route
                      path="/quan-tri/quan-he-bao-cao"
                      element={
                        <RequirePermission permission="agency.read">
                          <ReportingLinesPage />
                        </RequirePermission>
                      }
                    />
                    {/* portal survey results and comments (issue 20) */}
                    <Route
                      path="/khao-sat-hai-long"
                      element={
                        <RequirePermission permission="report.read">
                          <SurveyResultsPage />
                        </RequirePermission>
                      }
                    />
                    {/* reports dashboard with charts (issue 19) */}
                    <Route
                      path={DASHBOARD_PATH}
                      element={
                        <RequirePermission permission="report.read">
                          <ReportDashboardPage />
                        </RequirePermission>
                      }
                    />
                    <Route path="*" element={<NotFound />} />
                  </Route>
                </Routes>
              </Suspense>
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

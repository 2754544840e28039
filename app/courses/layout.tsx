import type { ReactNode } from "react";
import "./courses.css";

export default function CoursesLayout({ children }: { children: ReactNode }) {
  return children;
}

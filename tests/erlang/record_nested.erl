-module(record_nested).
-export([main/0]).

-record(addr, {street, city, zip}).
-record(emp, {name, addr = #addr{}, salary = 0, manager}).
-record(dept, {name, emps = [], head}).

main() ->
    Boss = #emp{name = "boss", addr = #addr{street = "Main 1", city = "X", zip = 100}, salary = 900},
    E1 = #emp{name = "e1", addr = #addr{city = "Y"}, salary = 300, manager = Boss},
    E2 = E1#emp{name = "e2", salary = 350, addr = (E1#emp.addr)#addr{zip = 200}},
    D = #dept{name = "R&D", emps = [E1, E2], head = Boss},
    erlang:display(D#dept.head#emp.addr#addr.city),
    erlang:display(E2#emp.addr),
    erlang:display(E2#emp.manager#emp.name),
    erlang:display([E#emp.addr#addr.zip || E <- D#dept.emps]),
    erlang:display(payroll(D)),
    D2 = raise(D, 10),
    erlang:display([{N, S} || #emp{name = N, salary = S} <- D2#dept.emps]),
    erlang:display(cities(D2)),
    #dept{head = #emp{addr = #addr{street = St}}} = D2,
    erlang:display(St),
    erlang:display(E1),
    ok.

payroll(#dept{emps = Es, head = #emp{salary = H}}) -> H + lists:sum([S || #emp{salary = S} <- Es]).

raise(D = #dept{emps = Es}, Pct) -> D#dept{emps = [E#emp{salary = E#emp.salary * (100 + Pct) div 100} || E <- Es]}.

cities(#dept{emps = Es, head = H}) -> lists:usort([C || #emp{addr = #addr{city = C}} <- [H | Es]]).

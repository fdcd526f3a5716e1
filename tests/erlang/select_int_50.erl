-module(select_int_50).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    erlang:display([dense(id(X)) || X <- lists:seq(-3, 53)]),
    erlang:display([sparse(id(X)) || X <- [0, 1, 7, 100, 1000, 1001, 65535, 65536, 1 bsl 40, -5, -1000000, 999999999, 123456, 2.0, a]]),
    erlang:display(lists:sum([dense(X rem 50) || X <- lists:seq(1, 100000)])),
    erlang:display([case_dense(id(X)) || X <- lists:seq(0, 20)]),
    ok.

dense(0) -> 11;
dense(1) -> 48;
dense(2) -> 85;
dense(3) -> 21;
dense(4) -> 58;
dense(5) -> 95;
dense(6) -> 31;
dense(7) -> 68;
dense(8) -> 4;
dense(9) -> 41;
dense(10) -> 78;
dense(11) -> 14;
dense(12) -> 51;
dense(13) -> 88;
dense(14) -> 24;
dense(15) -> 61;
dense(16) -> 98;
dense(17) -> 34;
dense(18) -> 71;
dense(19) -> 7;
dense(20) -> 44;
dense(21) -> 81;
dense(22) -> 17;
dense(23) -> 54;
dense(24) -> 91;
dense(25) -> 27;
dense(26) -> 64;
dense(27) -> 0;
dense(28) -> 37;
dense(29) -> 74;
dense(30) -> 10;
dense(31) -> 47;
dense(32) -> 84;
dense(33) -> 20;
dense(34) -> 57;
dense(35) -> 94;
dense(36) -> 30;
dense(37) -> 67;
dense(38) -> 3;
dense(39) -> 40;
dense(40) -> 77;
dense(41) -> 13;
dense(42) -> 50;
dense(43) -> 87;
dense(44) -> 23;
dense(45) -> 60;
dense(46) -> 97;
dense(47) -> 33;
dense(48) -> 70;
dense(49) -> 6;
dense(_) -> none.

sparse(-1000000) -> {s, 0};
sparse(-5) -> {s, 1};
sparse(0) -> {s, 2};
sparse(1) -> {s, 3};
sparse(7) -> {s, 4};
sparse(100) -> {s, 5};
sparse(1000) -> {s, 6};
sparse(65535) -> {s, 7};
sparse(65536) -> {s, 8};
sparse(123456) -> {s, 9};
sparse(999999999) -> {s, 10};
sparse(1099511627776) -> {s, 11};
sparse(27) -> {s, 12};
sparse(81) -> {s, 13};
sparse(243) -> {s, 14};
sparse(729) -> {s, 15};
sparse(2187) -> {s, 16};
sparse(6561) -> {s, 17};
sparse(19683) -> {s, 18};
sparse(59049) -> {s, 19};
sparse(177147) -> {s, 20};
sparse(531441) -> {s, 21};
sparse(1594323) -> {s, 22};
sparse(4782969) -> {s, 23};
sparse(14348907) -> {s, 24};
sparse(43046721) -> {s, 25};
sparse(129140163) -> {s, 26};
sparse(387420489) -> {s, 27};
sparse(1162261467) -> {s, 28};
sparse(3486784401) -> {s, 29};
sparse(10460353203) -> {s, 30};
sparse(31381059609) -> {s, 31};
sparse(94143178827) -> {s, 32};
sparse(282429536481) -> {s, 33};
sparse(847288609443) -> {s, 34};
sparse(2541865828329) -> {s, 35};
sparse(7625597484987) -> {s, 36};
sparse(22876792454961) -> {s, 37};
sparse(68630377364883) -> {s, 38};
sparse(X) -> {default, X}.

case_dense(X) ->
    case X of
        0 -> even_0;
        2 -> even_2;
        4 -> even_4;
        6 -> even_6;
        8 -> even_8;
        10 -> even_10;
        12 -> even_12;
        14 -> even_14;
        16 -> even_16;
        18 -> even_18;
        _ -> odd_or_big
    end.
